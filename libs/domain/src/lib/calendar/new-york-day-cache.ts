import { addDays } from './calendar-date';
import { newYorkDate, newYorkWallTimeToUtc } from './new-york-time';

/** A New York calendar date with the UTC instants it starts at and the next one starts at. */
export interface NewYorkDay {
  readonly date: string;
  readonly start: number;
  readonly end: number;
}

/** The New York day of an instant, computed afresh (an offset lookup and two wall-time conversions). */
export function newYorkDayOf(t: number): NewYorkDay {
  const date = newYorkDate(t);
  return {
    date,
    start: newYorkWallTimeToUtc(date, 0),
    end: newYorkWallTimeToUtc(addDays(date, 1), 0),
  };
}

/**
 * `newYorkDayOf` remembering every day it has computed: a report walks its instants in time order,
 * hundreds of them (a minute curve) per day and several times over (curve, benchmark, daily P&L,
 * months), so each day is computed once and every other instant of it is found among the days
 * already seen (the last one first, then by bisection). Instants are whole milliseconds, like every
 * bar and point time.
 */
export function newYorkDayCache(): (t: number) => NewYorkDay {
  // Disjoint spans in time order.
  const days: NewYorkDay[] = [];
  let last = -1;
  return (t) => {
    if (last >= 0 && t >= days[last].start && t < days[last].end) return days[last];
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid].end <= t) lo = mid + 1;
      else hi = mid;
    }
    if (lo === days.length || !(t >= days[lo].start)) days.splice(lo, 0, newYorkDayOf(t));
    last = lo;
    return days[lo];
  };
}

/** `newYorkDate` through a `newYorkDayCache`: the default day of metrics over an account's curve. */
export function newYorkDateLookup(): (t: number) => string {
  const dayOf = newYorkDayCache();
  return (t) => dayOf(t).date;
}
