import fc from 'fast-check';
import { computeMetrics } from './compute-metrics';
import { type CurvePeaks, type CurvePoint, NO_PEAKS, retainedPointsOfDay } from './curve-retention';

const DAY_MS = 86_400_000;
/** 14:30 UTC, 09:30 in New York: every point of a generated day falls on one New York date. */
const FIRST_OPEN = Date.UTC(2026, 0, 5, 14, 30);

const dayArb = fc.array(
  fc.record({
    equity: fc.integer({ min: 94, max: 106 }),
    benchmark: fc.option(fc.integer({ min: 97, max: 103 }), { nil: null }),
  }),
  { minLength: 1, maxLength: 20 },
);
const curveArb = fc.array(dayArb, { minLength: 1, maxLength: 7 });

function toDays(raw: { equity: number; benchmark: number | null }[][]): CurvePoint[][] {
  return raw.map((day, d) =>
    day.map((p, i) => ({ time: FIRST_OPEN + d * DAY_MS + i * 60_000, ...p })),
  );
}

/** Thins the first `count` days in order, as the retention job does, and keeps the rest as they are. */
function thinned(days: CurvePoint[][], count: number): CurvePoint[][] {
  let peaks: CurvePeaks = NO_PEAKS;
  return days.map((day, d) => {
    const result = retainedPointsOfDay(day, peaks);
    peaks = result.peaks;
    return d < count ? result.keep.map((i) => day[i]) : day;
  });
}

const metricsOf = (days: CurvePoint[][]) => {
  const points = days.flat();
  return computeMetrics({
    equityCurve: points.map((p) => ({ time: p.time, equity: p.equity })),
    trades: [],
    benchmark: points.flatMap((p) =>
      p.benchmark === null ? [] : [{ time: p.time, price: p.benchmark }],
    ),
  });
};

describe('retainedPointsOfDay', () => {
  it('keeps every metric of the whole history exactly, however many days are thinned', () => {
    fc.assert(
      fc.property(curveArb, fc.nat(), (raw, n) => {
        const days = toDays(raw);
        const count = n % (days.length + 1);
        expect(metricsOf(thinned(days, count))).toEqual(metricsOf(days));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the same points when a thinned day is thinned again', () => {
    fc.assert(
      fc.property(curveArb, (raw) => {
        const once = thinned(toDays(raw), raw.length);
        expect(thinned(once, once.length)).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('drops the points no metric depends on', () => {
    const day = [100, 101, 102, 103, 104, 105, 104, 103, 104, 106].map((equity, i) => ({
      time: FIRST_OPEN + i * 60_000,
      equity,
      benchmark: null,
    }));
    const { keep, peaks } = retainedPointsOfDay(day, {
      equity: { time: 0, value: 110 },
      benchmark: null,
    });
    // First, deepest (100 against the earlier 110), last; no point reached 110 again.
    expect(keep).toEqual([0, 9]);
    expect(peaks.equity).toEqual({ time: 0, value: 110 });
    const rising = retainedPointsOfDay(day, NO_PEAKS);
    // The first point is the peak until 105 (index 5); the dip to 103 is the deepest; 104 and 106 climb back.
    expect(rising.keep).toEqual([0, 5, 7, 9]);
    expect(rising.peaks.equity).toEqual({ time: day[9].time, value: 106 });
  });

  it("keeps the point that climbs back to an earlier day's peak, even with a deeper dip after it", () => {
    // Day 1 falls 6 % from 100; day 2 climbs back to exactly 100, then dips 4 %: the recovery of the
    // deepest drawdown (day 1's) is day 2's second point, which no rule of day 2 alone would keep.
    const days = toDays([
      [
        { equity: 100, benchmark: null },
        { equity: 94, benchmark: null },
      ],
      [97, 100, 96, 98].map((equity) => ({ equity, benchmark: null })),
    ]);
    const metrics = metricsOf(thinned(days, 2));
    expect(metrics.maxDrawdown.recoveryTime).toBe(days[1][1].time);
    expect(metrics).toEqual(metricsOf(days));
  });
});
