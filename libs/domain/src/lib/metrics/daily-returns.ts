export interface TimedValue {
  readonly time: number;
  readonly value: number;
}

/** Keeps the last point of each trading day (points must be in time order). */
export function lastPerDay<T extends { readonly time: number }>(
  points: readonly T[],
  dayOf: (time: number) => string,
): T[] {
  const daily: T[] = [];
  let currentDay: string | undefined;
  for (let i = 0; i < points.length; i++) {
    const point = points[i];
    const day = dayOf(point.time);
    if (day === currentDay) {
      daily[daily.length - 1] = point;
    } else {
      daily.push(point);
      currentDay = day;
    }
  }
  return daily;
}

/** Simple returns v[i] / v[i−1] − 1 between the values of consecutive points. */
export function simpleReturns<T>(points: readonly T[], valueOf: (point: T) => number): number[] {
  const returns = new Array<number>(Math.max(0, points.length - 1));
  // Each value is read once and kept for the next return.
  let previous = points.length > 0 ? valueOf(points[0]) : 0;
  for (let i = 1; i < points.length; i++) {
    const value = valueOf(points[i]);
    returns[i - 1] = value / previous - 1;
    previous = value;
  }
  return returns;
}
