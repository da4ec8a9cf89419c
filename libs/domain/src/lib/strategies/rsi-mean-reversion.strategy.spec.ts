import { RsiMeanReversionStrategy } from './rsi-mean-reversion.strategy';
import type { StrategySignal } from './strategy';
import { barsFrom } from './testing/bars';

function run(
  closes: number[],
  holding: boolean,
  params = { period: 2, oversold: 30, overbought: 70 },
): StrategySignal[] {
  const strategy = new RsiMeanReversionStrategy(params);
  return barsFrom(closes).map((bar) => strategy.onBar(bar, { holding }));
}

describe('rsi-mean-reversion', () => {
  it('holds until the RSI has period + 1 closes', () => {
    const signals = run([10, 9, 8], false);
    expect(signals.slice(0, 2).map((s) => s.indicators['rsi'])).toEqual([null, null]);
    expect(
      signals.slice(0, 2).every((s) => s.action === 'hold' && /warming up/.test(s.reason)),
    ).toBe(true);
  });

  it('enters when flat and RSI is below oversold', () => {
    const signals = run([10, 9, 8], false);
    expect(signals[2]).toMatchObject({ action: 'enter', indicators: { rsi: 0 } });
  });

  it('does not enter again while holding', () => {
    expect(run([10, 9, 8], true)[2].action).toBe('hold');
  });

  it('exits when holding and RSI is above overbought', () => {
    // avg gain (0 + 4) / 2 = 2, avg loss (1 + 0) / 2 = 0.5 → RS 4 → RSI 80.
    const signals = run([10, 9, 8, 12], true);
    expect(signals[3].action).toBe('exit');
    expect(signals[3].indicators['rsi']).toBeCloseTo(80, 10);
  });

  it('does not exit when flat', () => {
    expect(run([10, 9, 8, 12], false)[3].action).toBe('hold');
  });

  it('uses strict comparisons at the thresholds', () => {
    // A flat series has RSI exactly 50.
    const atLevel = { period: 2, oversold: 50, overbought: 50.0001 };
    expect(run([5, 5, 5], false, atLevel)[2]).toMatchObject({
      action: 'hold',
      indicators: { rsi: 50 },
    });
    const atUpper = { period: 2, oversold: 10, overbought: 50 };
    expect(run([5, 5, 5], true, atUpper)[2].action).toBe('hold');
  });
});
