import { type NewYorkDay, newYorkDayOf } from '../calendar/new-york-day-cache';
import { type CurvePeaks, type CurvePoint, NO_PEAKS, retainedPointsOfDay } from './curve-retention';
import type { EquityPoint, PricePoint } from './metrics-types';

/** The equity curve and benchmark series of `computeMetrics` over stored curve points. */
export function curveSeries(points: readonly CurvePoint[]): {
  equityCurve: readonly EquityPoint[];
  benchmark: PricePoint[];
} {
  return {
    equityCurve: points,
    benchmark: points.flatMap((p) =>
      p.benchmark === null ? [] : [{ time: p.time, price: p.benchmark }],
    ),
  };
}

/**
 * A curve fed in time order that keeps every completed New York day thinned with
 * `retainedPointsOfDay` (the running peaks carried from day to day, as the retention job does) and
 * the latest day whole. `computeMetrics` over its points gives exactly what it gives over every point
 * fed, while what it holds grows by a handful of points per day rather than by every point.
 */
export class ThinnedCurve {
  private readonly completed: CurvePoint[] = [];
  private latest: CurvePoint[] = [];
  private day: NewYorkDay | null = null;
  private peaks: CurvePeaks = NO_PEAKS;

  /**
   * Adds points that follow, in time order, every point fed so far. Returns false, adding none of
   * them, when one is earlier than the point before it: history was rewritten, and the curve must be
   * fed again from its start.
   */
  append(points: readonly CurvePoint[]): boolean {
    let previous = this.latest[this.latest.length - 1]?.time ?? Number.NEGATIVE_INFINITY;
    for (const point of points) {
      if (point.time < previous) return false;
      previous = point.time;
    }
    for (const point of points) {
      // Times never go back, so a point past the latest day's end starts a new day.
      if (this.day === null || point.time >= this.day.end) {
        this.completeLatestDay();
        this.day = newYorkDayOf(point.time);
      }
      this.latest.push(point);
    }
    return true;
  }

  /** The kept points of the completed days, then every point of the latest day, in time order. */
  points(): CurvePoint[] {
    return [...this.completed, ...this.latest];
  }

  private completeLatestDay(): void {
    if (this.latest.length === 0) return;
    const { keep, peaks } = retainedPointsOfDay(this.latest, this.peaks);
    for (const index of keep) this.completed.push(this.latest[index]);
    this.peaks = peaks;
    this.latest = [];
  }
}
