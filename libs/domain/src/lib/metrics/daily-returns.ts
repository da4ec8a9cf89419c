export interface TimedValue {
  readonly time: number;
  readonly value: number;
}

/** Keeps the last value of each trading day (points must be in time order). */
export function lastPerDay(
  points: readonly TimedValue[],
  dayOf: (time: number) => string,
): TimedValue[] {
  const daily: TimedValue[] = [];
  let currentDay: string | undefined;
  for (const point of points) {
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

/** Simple returns v[i] / v[i−1] − 1 between consecutive values. */
export function simpleReturns(values: readonly TimedValue[]): number[] {
  return values.slice(1).map((point, i) => point.value / values[i].value - 1);
}
