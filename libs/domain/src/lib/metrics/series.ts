import type { DailySeries, EquityPoint, PricePoint, Series } from './metrics-types';

/** The columns of points in time order; `valueOf` reads a point's value. */
export function seriesOf<T extends { readonly time: number }>(
  points: readonly T[],
  valueOf: (point: T) => number,
): Series {
  // Sized once: pushing a long column grows and copies it again and again.
  const times = new Float64Array(points.length);
  const values = new Float64Array(points.length);
  for (let i = 0; i < points.length; i++) {
    times[i] = points[i].time;
    values[i] = valueOf(points[i]);
  }
  return { times, values };
}

const isSeries = (curve: readonly object[] | Series): curve is Series => !Array.isArray(curve);

/** An equity curve given as points or as columns, as columns. */
export const equitySeries = (curve: readonly EquityPoint[] | Series): Series =>
  isSeries(curve) ? curve : seriesOf(curve, (p) => p.equity);

/** A benchmark given as price points or as columns, as columns. */
export const priceSeries = (curve: readonly PricePoint[] | Series): Series =>
  isSeries(curve) ? curve : seriesOf(curve, (p) => p.price);

/** The trading days of points in time order: each day's date and the index of its last point. */
export interface CurveDays {
  readonly dates: string[];
  readonly last: number[];
}

/** Walks the times once, asking `dayOf` once per point. */
export function curveDays(times: Float64Array, dayOf: (time: number) => string): CurveDays {
  const last: number[] = [];
  const dates: string[] = [];
  let currentDay = '';
  for (let i = 0; i < times.length; i++) {
    const day = dayOf(times[i]);
    if (i === 0 || day !== currentDay) {
      if (i > 0) last.push(i - 1);
      dates.push(day);
      currentDay = day;
    }
  }
  if (times.length > 0) last.push(times.length - 1);
  return { dates, last };
}

/**
 * The last point of each of `days`, the days of a curve with these times (a benchmark with the
 * curve's times shares its days). A series with a point per day (a daily run) is kept as it is, not
 * copied.
 */
export function atDayEnds(series: Series, days: CurveDays): DailySeries {
  const { times, values } = series;
  const { last, dates } = days;
  if (last.length === times.length) return { times, values, dates };
  const daily = {
    times: new Float64Array(last.length),
    values: new Float64Array(last.length),
    dates,
  };
  for (let d = 0; d < last.length; d++) {
    daily.times[d] = times[last[d]];
    daily.values[d] = values[last[d]];
  }
  return daily;
}

/**
 * Keeps the last point of each trading day (points must be in time order), with its date: daily P&L
 * and months read the dates rather than asking `dayOf` again.
 */
export function lastPerDay(series: Series, dayOf: (time: number) => string): DailySeries {
  return atDayEnds(series, curveDays(series.times, dayOf));
}

/** Whether two columns of times are the same instants. */
export function sameTimes(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
