import fc from 'fast-check';
import { Atr, trueRange } from './atr';
import { HighestHigh, LowestLow, PreviousVolumeSma, VolumeSma } from './previous-bars';
import { RollingMax, RollingMin } from './rolling-extreme';
import { Rsi } from './rsi';
import { Sma } from './sma';
import { Ema } from './sma-seeded-smoothing';

/*
 * Each batch reference recomputes the value at index t from the whole prefix with a closed form or
 * an explicit window, sharing no state with the streaming class under test.
 */
type Series = (number | null)[];

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function batchSma(xs: readonly number[], n: number): Series {
  return xs.map((_, t) => (t + 1 >= n ? mean(xs.slice(t + 1 - n, t + 1)) : null));
}

function batchEma(xs: readonly number[], n: number): Series {
  const alpha = 2 / (n + 1);
  const seed = mean(xs.slice(0, n));
  return xs.map((_, t) => {
    if (t + 1 < n) return null;
    const steps = t + 1 - n;
    let weighted = seed * (1 - alpha) ** steps;
    for (let k = 0; k < steps; k++) weighted += alpha * (1 - alpha) ** k * xs[t - k];
    return weighted;
  });
}

function wilderFromScratch(values: readonly number[], n: number): number {
  let average = mean(values.slice(0, n));
  for (const v of values.slice(n)) average = (average * (n - 1) + v) / n;
  return average;
}

function batchRsi(closes: readonly number[], n: number): Series {
  return closes.map((_, t) => {
    if (t < n) return null;
    const changes = closes.slice(1, t + 1).map((c, i) => c - closes[i]);
    const gain = wilderFromScratch(
      changes.map((d) => Math.max(d, 0)),
      n,
    );
    const loss = wilderFromScratch(
      changes.map((d) => Math.max(-d, 0)),
      n,
    );
    if (loss === 0) return gain === 0 ? 50 : 100;
    return 100 - 100 / (1 + gain / loss);
  });
}

function batchWindow(
  xs: readonly number[],
  n: number,
  pick: (w: number[]) => number,
  lag: number,
): Series {
  return xs.map((_, t) => (t + 1 - lag >= n ? pick(xs.slice(t + 1 - lag - n, t + 1 - lag)) : null));
}

function expectSameSeries(actual: Series, expected: Series): void {
  expect(actual.map((v) => v === null)).toEqual(expected.map((v) => v === null));
  actual.forEach((v, i) => {
    if (v !== null)
      expect(Math.abs(v - (expected[i] as number))).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(v)),
      );
  });
}

const price = fc.double({ min: 1, max: 1000, noNaN: true });
const prices = fc.array(price, { minLength: 0, maxLength: 80 });
const period = fc.integer({ min: 1, max: 25 });
// Repeated values exercise ties in the max/min deque and zero changes in RSI.
const steppy = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 0, maxLength: 80 });
const samples = fc.oneof(prices, steppy);
const bars = fc
  .array(
    fc.record({
      low: price,
      spread: fc.double({ min: 0, max: 50, noNaN: true }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      volume: fc.integer({ min: 0, max: 1e7 }),
    }),
    { maxLength: 80 },
  )
  .map((rows) =>
    rows.map((r) => ({
      high: r.low + r.spread,
      low: r.low,
      close: r.low + r.spread * r.at,
      volume: r.volume,
    })),
  );

const runs = { numRuns: 150 };

describe('streaming indicators equal a batch recompute', () => {
  it('SMA', () => {
    fc.assert(
      fc.property(samples, period, (xs, n) => {
        const sma = new Sma(n);
        expectSameSeries(
          xs.map((x) => sma.update(x)),
          batchSma(xs, n),
        );
      }),
      runs,
    );
  });

  it('EMA (SMA-seeded)', () => {
    fc.assert(
      fc.property(samples, period, (xs, n) => {
        const ema = new Ema(n);
        expectSameSeries(
          xs.map((x) => ema.update(x)),
          batchEma(xs, n),
        );
      }),
      runs,
    );
  });

  it('RSI (Wilder)', () => {
    fc.assert(
      fc.property(samples, period, (xs, n) => {
        const rsi = new Rsi(n);
        expectSameSeries(
          xs.map((x) => rsi.update(x)),
          batchRsi(xs, n),
        );
      }),
      runs,
    );
  });

  it('rolling max and min include the current input', () => {
    fc.assert(
      fc.property(samples, period, (xs, n) => {
        const max = new RollingMax(n);
        const min = new RollingMin(n);
        expectSameSeries(
          xs.map((x) => max.update(x)),
          batchWindow(xs, n, (w) => Math.max(...w), 0),
        );
        expectSameSeries(
          xs.map((x) => min.update(x)),
          batchWindow(xs, n, (w) => Math.min(...w), 0),
        );
      }),
      runs,
    );
  });

  it(
    'highest high, lowest low and volume mean of ' + 'the PREVIOUS n bars exclude the current bar',
    () => {
      fc.assert(
        fc.property(bars, period, (bs, n) => {
          const hh = new HighestHigh(n);
          const ll = new LowestLow(n);
          const vol = new PreviousVolumeSma(n);
          expectSameSeries(
            bs.map((b) => hh.update(b)),
            batchWindow(
              bs.map((b) => b.high),
              n,
              (w) => Math.max(...w),
              1,
            ),
          );
          expectSameSeries(
            bs.map((b) => ll.update(b)),
            batchWindow(
              bs.map((b) => b.low),
              n,
              (w) => Math.min(...w),
              1,
            ),
          );
          expectSameSeries(
            bs.map((b) => vol.update(b)),
            batchWindow(
              bs.map((b) => b.volume),
              n,
              mean,
              1,
            ),
          );
        }),
        runs,
      );
    },
  );

  it('volume SMA includes the current bar', () => {
    fc.assert(
      fc.property(bars, period, (bs, n) => {
        const vol = new VolumeSma(n);
        expectSameSeries(
          bs.map((b) => vol.update(b)),
          batchSma(
            bs.map((b) => b.volume),
            n,
          ),
        );
      }),
      runs,
    );
  });

  it('ATR (Wilder)', () => {
    fc.assert(
      fc.property(bars, period, (bs, n) => {
        const atr = new Atr(n);
        const ranges = bs.map((b, i) => trueRange(b, i === 0 ? null : bs[i - 1].close));
        const expected = ranges.map((_, t) =>
          t + 1 >= n ? wilderFromScratch(ranges.slice(0, t + 1), n) : null,
        );
        expectSameSeries(
          bs.map((b) => atr.update(b)),
          expected,
        );
      }),
      runs,
    );
  });

  it('reports ready exactly when it has a value', () => {
    fc.assert(
      fc.property(samples, period, (xs, n) => {
        const rsi = new Rsi(n);
        const hh = new HighestHigh(n);
        xs.forEach((x) => {
          rsi.update(x);
          hh.update({ high: x });
          expect(rsi.isReady()).toBe(rsi.value !== null);
          expect(hh.isReady()).toBe(hh.value !== null);
        });
      }),
      runs,
    );
  });
});

describe('previous-bars API', () => {
  it('lets a strategy read the previous-n level before pushing the current bar', () => {
    const hh = new HighestHigh(2);
    expect(hh.update({ high: 5 })).toBeNull();
    expect(hh.update({ high: 9 })).toBeNull();
    expect(hh.upcoming).toBe(9);
    expect(hh.update({ high: 20 })).toBe(9);
    expect(hh.update({ high: 1 })).toBe(20);
    expect(hh.update({ high: 1 })).toBe(20);
    expect(hh.update({ high: 1 })).toBe(1);
  });
});
