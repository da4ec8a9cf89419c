import { addDays, DAY_MS, utcMsToIsoDate, utcMsToIsoDateTime } from '../calendar/calendar-date';
import { newYorkDayCache } from '../calendar/new-york-day-cache';
import { spanCache } from '../calendar/span-cache';
import { newYorkDate, newYorkWallTimeToUtc } from '../calendar/new-york-time';

/** The trading day an instant belongs to, with the instant the next one starts. */
export interface TradingDay {
  readonly date: string;
  readonly end: number;
}

/**
 * A bar stamped exactly 00:00 UTC is a daily bar (the data parsers' convention): its day is that
 * UTC date. Every other instant belongs to its New York calendar date.
 */
export function isDailyBarTime(time: number): boolean {
  return time % DAY_MS === 0;
}

export function tradingDayOf(time: number): TradingDay {
  if (isDailyBarTime(time)) return { date: utcMsToIsoDate(time), end: time + DAY_MS };
  const date = newYorkDate(time);
  return { date, end: newYorkWallTimeToUtc(addDays(date, 1), 0) };
}

/**
 * `tradingDayOf(time).date` for a report, which walks the same instants in time order several times
 * (curve, benchmark, daily P&L, months, formatting): each date is computed once per trading day. A
 * New York day is remembered by its span; a daily bar's date by its time alone (each daily bar is a
 * day of its own, and the 00:00 UTC instant lies inside a New York day of another date).
 */
export function tradingDateLookup(): (time: number) => string {
  const newYorkDay = newYorkDayCache();
  const dailyDay = spanCache((time) => ({
    date: utcMsToIsoDate(time),
    start: time,
    end: time + 1,
  }));
  return (time) => (isDailyBarTime(time) ? dailyDay(time) : newYorkDay(time)).date;
}

/** Report times: `YYYY-MM-DD` for daily bars, ISO-8601 UTC otherwise. */
export function formatBarTime(time: number): string {
  return isDailyBarTime(time) ? utcMsToIsoDate(time) : utcMsToIsoDateTime(time);
}
