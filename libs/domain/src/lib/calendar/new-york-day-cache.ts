import { addDays } from './calendar-date';
import { newYorkDate, newYorkWallTimeToUtc } from './new-york-time';
import { spanCache, type Span } from './span-cache';

/** A New York calendar date with the UTC instants it starts at and the next one starts at. */
export interface NewYorkDay extends Span {
  readonly date: string;
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
 * `newYorkDayOf` remembering every day it has computed: a report walks a minute curve's instants,
 * hundreds per day and several times over (curve, benchmark, daily P&L, months), and each day is
 * computed once. Instants are whole milliseconds, like every bar and point time.
 */
export const newYorkDayCache = (): ((t: number) => NewYorkDay) => spanCache(newYorkDayOf);

/** `newYorkDate` through a `newYorkDayCache`: the default day of metrics over an account's curve. */
export function newYorkDateLookup(): (t: number) => string {
  const dayOf = newYorkDayCache();
  return (t) => dayOf(t).date;
}
