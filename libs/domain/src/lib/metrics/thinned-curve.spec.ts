import fc from 'fast-check';
import { newYorkDate } from '../calendar/new-york-time';
import { computeMetrics } from './compute-metrics';
import type { CurvePoint } from './curve-retention';
import type { RoundTrip } from './metrics-types';
import { curveSeries, ThinnedCurve } from './thinned-curve';

const MINUTE = 60_000;
/** 14:30 UTC, 09:30 in New York. */
const FIRST_OPEN = Date.UTC(2026, 0, 5, 14, 30);
/** Per series: first, last, running peak, a recovery, two troughs with their peaks and recoveries. */
const MAX_KEPT_PER_DAY = 20;

/** Gaps of zero (equal times), minutes, hours and whole days, so points cross New York midnights. */
const gapArb = fc.oneof(
  { arbitrary: fc.constant(0), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 30 }).map((m) => m * MINUTE), weight: 12 },
  { arbitrary: fc.integer({ min: 1, max: 30 }).map((h) => h * 60 * MINUTE), weight: 1 },
);

const curveArb = fc
  .array(
    fc.record({
      gap: gapArb,
      equity: fc.integer({ min: 94, max: 106 }),
      benchmark: fc.option(fc.integer({ min: 97, max: 103 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 200 },
  )
  .map((raw) => {
    let time = FIRST_OPEN;
    return raw.map(({ gap, equity, benchmark }): CurvePoint => {
      time += gap;
      return { time, equity, benchmark };
    });
  });

const tripsArb = fc.array(
  fc.record({
    entryOffset: fc.integer({ min: 0, max: 5 * 24 * 60 }),
    holdMinutes: fc.integer({ min: 1, max: 600 }),
    pnl: fc.integer({ min: -50, max: 50 }),
  }),
  { maxLength: 8 },
);

function trips(raw: { entryOffset: number; holdMinutes: number; pnl: number }[]): RoundTrip[] {
  return raw.map(({ entryOffset, holdMinutes, pnl }) => ({
    symbol: 'AAPL',
    entryTime: FIRST_OPEN + entryOffset * MINUTE,
    exitTime: FIRST_OPEN + (entryOffset + holdMinutes) * MINUTE,
    quantity: 1,
    entryPrice: 100,
    exitPrice: 100 + pnl,
    pnl,
    commission: 0,
  }));
}

/** Splits `points` into consecutive chunks at the given cut positions. */
function chunks<T>(points: readonly T[], cuts: readonly number[]): T[][] {
  const at = [...new Set(cuts.map((c) => c % (points.length + 1)))].sort((a, b) => a - b);
  return [...at, points.length].map((end, i) => points.slice(i === 0 ? 0 : at[i - 1], end));
}

function fed(chunked: readonly CurvePoint[][]): ThinnedCurve {
  const curve = new ThinnedCurve();
  for (const chunk of chunked) expect(curve.append(chunk)).toBe(true);
  return curve;
}

describe('ThinnedCurve', () => {
  it('gives exactly the metrics of every point fed, however the points arrive in chunks', () => {
    fc.assert(
      fc.property(curveArb, tripsArb, fc.array(fc.nat()), (points, raw, cuts) => {
        const trades = trips(raw);
        const open = [{ symbol: 'MSFT', entryTime: points[0].time }];
        const kept = fed(chunks(points, cuts)).points();
        expect(computeMetrics({ ...curveSeries(kept), trades, openPositions: open })).toEqual(
          computeMetrics({ ...curveSeries(points), trades, openPositions: open }),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a bounded handful of points per completed day and every point of the latest day', () => {
    fc.assert(
      fc.property(curveArb, (points) => {
        const kept = fed([points]).points();
        const latestDay = newYorkDate(points[points.length - 1].time);
        const completedDays = new Set(points.map((p) => newYorkDate(p.time))).size - 1;
        const ofCompleted = kept.filter((p) => newYorkDate(p.time) !== latestDay);
        expect(ofCompleted.length).toBeLessThanOrEqual(completedDays * MAX_KEPT_PER_DAY);
        expect(kept.slice(ofCompleted.length)).toEqual(
          points.filter((p) => newYorkDate(p.time) === latestDay),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('thins a long steady day to its critical points once the next day starts', () => {
    const day = Array.from({ length: 390 }, (_, i) => ({
      time: FIRST_OPEN + i * MINUTE,
      equity: 100 + Math.sin(i / 20),
      benchmark: null,
    }));
    const curve = fed([day]);
    expect(curve.points()).toHaveLength(390);
    const nextDay = { time: FIRST_OPEN + 24 * 60 * MINUTE, equity: 100, benchmark: null };
    expect(curve.append([nextDay])).toBe(true);
    expect(curve.points().length).toBeLessThanOrEqual(1 + MAX_KEPT_PER_DAY);
  });

  it('refuses a chunk that goes back in time, whole, and keeps what it had', () => {
    const at = (minute: number, equity: number) => ({
      time: FIRST_OPEN + minute * MINUTE,
      equity,
      benchmark: null,
    });
    const curve = fed([[at(0, 100), at(1, 101)]]);
    expect(curve.append([at(2, 102), at(3, 103), at(1, 99)])).toBe(false);
    expect(curve.append([at(0, 98)])).toBe(false);
    expect(curve.points()).toEqual([at(0, 100), at(1, 101)]);
    expect(curve.append([at(1, 104)])).toBe(true);
    expect(curve.points()).toEqual([at(0, 100), at(1, 101), at(1, 104)]);
  });
});
