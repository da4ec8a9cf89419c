import type { Bar } from '../market/bar';
import { MomentumBreakoutStrategy } from './momentum-breakout.strategy';
import type { StrategySignal } from './strategy';
import { barsFrom } from './testing/bars';

const params = { entryPeriod: 3, exitPeriod: 2, volumeMultiple: 1.5 };
// Previous-3 highest high 12, previous-2 lowest low 9, previous-3 mean volume 100.
const base: Partial<Bar>[] = [
  { high: 10, low: 8, close: 9, volume: 100 },
  { high: 11, low: 9, close: 10, volume: 100 },
  { high: 12, low: 10, close: 11, volume: 100 },
];

function last(next: Partial<Bar>, holding: boolean): StrategySignal {
  const strategy = new MomentumBreakoutStrategy(params);
  const signals = barsFrom([...base, next]).map((bar) => strategy.onBar(bar, { holding }));
  return signals[signals.length - 1];
}

describe('momentum-breakout', () => {
  it('holds while the previous-bar windows fill (entryPeriod + 1 bars)', () => {
    const strategy = new MomentumBreakoutStrategy(params);
    const signals = barsFrom(base).map((bar) => strategy.onBar(bar, { holding: false }));
    expect(signals.every((s) => s.action === 'hold' && /warming up/.test(s.reason))).toBe(true);
    expect(strategy.isReady()).toBe(false);
  });

  it('enters when close beats the previous highest high on more than 1.5× mean volume', () => {
    const signal = last({ high: 13, low: 11, close: 12.5, volume: 151 }, false);
    expect(signal.action).toBe('enter');
    expect(signal.indicators).toEqual({
      close: 12.5,
      volume: 151,
      highestHigh: 12,
      lowestLow: 9,
      volumeMean: 100,
    });
  });

  it(
    'excludes the current bar from the channel: its ' +
      'own higher high does not block the breakout',
    () => {
      // Had the current bar (high 20) been counted, close 12.5 could never exceed the channel.
      expect(last({ high: 20, low: 11, close: 12.5, volume: 200 }, false).action).toBe('enter');
    },
  );

  it('excludes the current bar from the volume mean', () => {
    // Including 151 in the mean would give 112.75 × 1.5 = 169 > 151 and block the entry.
    expect(
      last({ high: 13, low: 11, close: 12.5, volume: 151 }, false).indicators['volumeMean'],
    ).toBe(100);
  });

  it('needs volume strictly above the multiple and close strictly above the high', () => {
    const onVolume = last({ high: 13, low: 11, close: 12.5, volume: 150 }, false);
    expect(onVolume).toMatchObject({
      action: 'hold',
      reason: 'breakout without volume confirmation',
    });
    expect(last({ high: 13, low: 11, close: 12, volume: 500 }, false).action).toBe('hold');
  });

  it('does not enter while holding', () => {
    expect(last({ high: 13, low: 11, close: 12.5, volume: 151 }, true).action).toBe('hold');
  });

  it(
    'exits when holding and close is below the ' + 'lowest low of the previous exit-period bars',
    () => {
      expect(last({ high: 10, low: 8, close: 8.99, volume: 100 }, true).action).toBe('exit');
      expect(last({ high: 10, low: 8, close: 9, volume: 100 }, true).action).toBe('hold');
      expect(last({ high: 10, low: 8, close: 8.99, volume: 100 }, false).action).toBe('hold');
    },
  );
});
