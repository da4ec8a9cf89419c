import { CrossDetector } from './cross-detector';
import { MaCrossoverStrategy } from './ma-crossover.strategy';
import type { StrategySignal } from './strategy';
import { barsFrom } from './testing/bars';

function run(closes: number[], holding: boolean, params = { fast: 1, slow: 3 }): StrategySignal[] {
  const strategy = new MaCrossoverStrategy(params);
  return barsFrom(closes).map((bar) => strategy.onBar(bar, { holding }));
}

describe('CrossDetector', () => {
  it('looks back past equal bars to the most recent bar where the series differed', () => {
    const d = new CrossDetector();
    expect([d.update(1, 2), d.update(2, 2), d.update(2, 2), d.update(3, 2)]).toEqual([
      null,
      null,
      null,
      'above',
    ]);
    expect([d.update(2, 2), d.update(1, 2)]).toEqual([null, 'below']);
  });

  it('does not see a cross when the series touch and return to the same side', () => {
    const d = new CrossDetector();
    expect([d.update(3, 2), d.update(2, 2), d.update(3, 2)]).toEqual([null, null, null]);
  });

  it('does not see a cross on the first unequal bar, with nothing earlier to compare', () => {
    const d = new CrossDetector();
    expect([d.update(2, 2), d.update(3, 2)]).toEqual([null, null]);
  });
});

describe('ma-crossover', () => {
  // fast = SMA1 = close, slow = SMA3. fast − slow per bar from bar 3: 0, −0.67, 0, 0, +7.08.
  const crossUpThroughEquals = [10, 10, 10, 9, 9.5, 9.25, 20];

  it('holds while warming up and reports null indicators', () => {
    const [first, second, third] = run(crossUpThroughEquals, false);
    expect(first).toMatchObject({ action: 'hold', indicators: { smaFast: 10, smaSlow: null } });
    expect(second.action).toBe('hold');
    expect(second.reason).toMatch(/warming up/);
    expect(third.indicators).toEqual({ smaFast: 10, smaSlow: 10 });
  });

  it(
    'enters on a cross above when the last unequal ' +
      'bar had fast < slow, even with equal bars between',
    () => {
      const signals = run(crossUpThroughEquals, false);
      expect(signals.map((s) => s.action)).toEqual([
        'hold',
        'hold',
        'hold',
        'hold',
        'hold',
        'hold',
        'enter',
      ]);
      expect(signals[4].indicators).toEqual({ smaFast: 9.5, smaSlow: 9.5 });
      expect(signals[6].indicators.smaFast).toBeGreaterThan(
        signals[6].indicators.smaSlow as number,
      );
    },
  );

  it('does not enter when already holding', () => {
    expect(run(crossUpThroughEquals, true).every((s) => s.action === 'hold')).toBe(true);
  });

  it('does not treat the first ready bar as a cross', () => {
    // fast > slow on the first ready bar, but there is no earlier ready bar with fast < slow.
    expect(run([1, 1, 5, 6], false).map((s) => s.action)).toEqual(['hold', 'hold', 'hold', 'hold']);
  });

  it('exits on the mirror-image cross below, through equal bars', () => {
    // fast − slow from bar 3: 0, +0.67, 0, 0, −7.
    const signals = run([10, 10, 10, 11, 10.5, 10.75, 1], true);
    expect(signals.map((s) => s.action)).toEqual([
      'hold',
      'hold',
      'hold',
      'hold',
      'hold',
      'hold',
      'exit',
    ]);
  });

  it('does not exit when flat', () => {
    expect(run([10, 10, 10, 11, 10.5, 10.75, 1], false).every((s) => s.action === 'hold')).toBe(
      true,
    );
  });

  it('does not enter after touching equality from above', () => {
    // fast − slow from bar 3: 0, +0.67, 0, +large: the last unequal side before the up bar was
    // already above.
    expect(run([10, 10, 10, 11, 10.5, 30], false).some((s) => s.action === 'enter')).toBe(false);
  });

  it('reports readiness only once both averages are warm', () => {
    const strategy = new MaCrossoverStrategy({ fast: 2, slow: 4 });
    const ready = barsFrom([1, 2, 3, 4, 5]).map((bar) => {
      strategy.onBar(bar, { holding: false });
      return strategy.isReady();
    });
    expect(ready).toEqual([false, false, false, true, true]);
  });
});
