import fc from 'fast-check';
import { Sma } from '../indicators/sma';
import { strategyIndicatorSeries } from './indicator-series';
import { STRATEGY_NAMES, createStrategy } from './strategy-registry';
import { barsFrom } from './testing/bars';

const smallParams: Record<string, Record<string, number>> = {
  'ma-crossover': { fast: 2, slow: 3 },
  'rsi-mean-reversion': { period: 2 },
  'momentum-breakout': { entryPeriod: 3, exitPeriod: 2 },
  mixed: { fast: 2, slow: 3, rsiPeriod: 2, entryPeriod: 3, exitPeriod: 2 },
};

describe('strategyIndicatorSeries', () => {
  it('reports the SMAs of ma-crossover bar by bar, null while warming up', () => {
    const bars = barsFrom([10, 11, 12, 13, 20]);
    const points = strategyIndicatorSeries('ma-crossover', { fast: 2, slow: 3 }, bars);
    const slow = new Sma(3);
    expect(points.map((p) => p.time)).toEqual(bars.map((b) => b.time));
    expect(points.map((p) => p.indicators['smaFast'])).toEqual([null, 10.5, 11.5, 12.5, 16.5]);
    expect(points.map((p) => p.indicators['smaSlow'])).toEqual(
      bars.map((b) => slow.update(b.close)),
    );
  });

  it('returns only the points from `from` on, warmed up by the bars before it', () => {
    const bars = barsFrom([10, 11, 12, 13, 20]);
    const points = strategyIndicatorSeries('ma-crossover', { fast: 2, slow: 3 }, bars, {
      from: bars[3].time,
    });
    expect(points).toEqual([
      { time: bars[3].time, indicators: { smaFast: 12.5, smaSlow: 12 } },
      { time: bars[4].time, indicators: { smaFast: 16.5, smaSlow: 15 } },
    ]);
  });

  it('throws on invalid params, as createStrategy does', () => {
    expect(() => strategyIndicatorSeries('ma-crossover', { fast: 5, slow: 3 }, [])).toThrow();
    expect(() => strategyIndicatorSeries('nope', {}, [])).toThrow();
  });

  it('equals what an engine instance reports, whatever it holds (property)', () => {
    const row = fc.record({
      close: fc.integer({ min: 1, max: 500 }),
      spread: fc.integer({ min: 0, max: 20 }),
      volume: fc.integer({ min: 0, max: 5000 }),
      holding: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...STRATEGY_NAMES),
        fc.array(row, { maxLength: 40 }),
        (name, rows) => {
          const bars = barsFrom(
            rows.map((r) => ({
              close: r.close,
              high: r.close + r.spread,
              low: Math.max(0.01, r.close - r.spread),
              volume: r.volume,
            })),
          );
          const engineInstance = createStrategy(name, smallParams[name]);
          const seen = bars.map((bar, i) => engineInstance.onBar(bar, rows[i]).indicators);
          const series = strategyIndicatorSeries(name, smallParams[name], bars);
          expect(series.map((p) => p.indicators)).toEqual(seen);
        },
      ),
    );
  });
});
