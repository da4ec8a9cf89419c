import { addDays, DAY_MS, utcMsToIsoDate } from '../calendar/calendar-date';
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

/** Report times: `YYYY-MM-DD` for daily bars, ISO-8601 UTC otherwise. */
export function formatBarTime(time: number): string {
  return isDailyBarTime(time) ? utcMsToIsoDate(time) : new Date(time).toISOString();
}
