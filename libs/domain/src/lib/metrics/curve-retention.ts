import type { TimedValue } from './daily-returns';

/** One stored point of an account's curve: its equity and, when known, the benchmark's value. */
export interface CurvePoint {
  readonly time: number;
  readonly equity: number;
  readonly benchmark: number | null;
}

/** The running peak of each series before a day: the first point that reached the highest value. */
export interface CurvePeaks {
  readonly equity: TimedValue | null;
  readonly benchmark: TimedValue | null;
}

export const NO_PEAKS: CurvePeaks = { equity: null, benchmark: null };

interface SeriesPoint extends TimedValue {
  readonly index: number;
}

/**
 * The points of one day of one series that the metrics can depend on, given the running peak
 * before the day: the first and last point (total and daily returns, exposure), every point that
 * set the running peak and is its holder at the day's end or the peak of a trough kept here, the
 * deepest point by percentage and by amount, and the first point that climbed back to the peak.
 */
function criticalOfSeries(points: readonly SeriesPoint[], before: TimedValue | null) {
  const keep = new Set<number>();
  if (points.length === 0) return { keep, peak: before };
  keep.add(points[0].index).add(points[points.length - 1].index);
  let peak: SeriesPoint | TimedValue | null = before;
  let deepest: { pct: number; at: SeriesPoint; peak: TimedValue } | null = null;
  let largest: { amount: number; at: SeriesPoint; peak: TimedValue } | null = null;
  let recovered = false;
  for (const point of points) {
    if (!recovered && before && point.value >= before.value) {
      keep.add(point.index);
      recovered = true;
    }
    if (!peak || point.value > peak.value) {
      peak = point;
      continue;
    }
    const amount = peak.value - point.value;
    const pct = peak.value > 0 ? amount / peak.value : 0;
    if (!deepest || pct > deepest.pct) deepest = { pct, at: point, peak };
    if (!largest || amount > largest.amount) largest = { amount, at: point, peak };
  }
  for (const trough of [deepest, largest]) {
    if (!trough) continue;
    keep.add(trough.at.index);
    if ('index' in trough.peak) keep.add((trough.peak as SeriesPoint).index);
    const back = points.find((p) => p.index > trough.at.index && p.value >= trough.peak.value);
    if (back) keep.add(back.index);
  }
  if (peak && 'index' in peak) keep.add((peak as SeriesPoint).index);
  return { keep, peak: peak && { time: peak.time, value: peak.value } };
}

/**
 * Which of one trading day's points (in time order) to keep when older history is thinned, so
 * that `computeMetrics` over the thinned curve gives exactly what it gives over every point (over
 * the whole history; a range that starts inside thinned days sees its drawdown from the kept points
 * only). Also returns the running peaks to pass for the next day. Thinning an already thinned day
 * keeps the same points.
 */
export function retainedPointsOfDay(
  day: readonly CurvePoint[],
  peaks: CurvePeaks,
): { keep: number[]; peaks: CurvePeaks } {
  const equity = criticalOfSeries(
    day.map((p, index) => ({ time: p.time, value: p.equity, index })),
    peaks.equity,
  );
  const benchmark = criticalOfSeries(
    day.flatMap((p, index) =>
      p.benchmark === null ? [] : [{ time: p.time, value: p.benchmark, index }],
    ),
    peaks.benchmark,
  );
  return {
    keep: [...new Set([...equity.keep, ...benchmark.keep])].sort((a, b) => a - b),
    peaks: { equity: equity.peak, benchmark: benchmark.peak },
  };
}
