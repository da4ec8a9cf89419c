import { addDays, DAY_MS, utcMsToIsoDate, utcMsToIsoDateTime } from '../calendar/calendar-date';
import { newYorkDayCache } from '../calendar/new-york-day-cache';
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
  // Times are past int32, and `%` of doubles is a call into C on every bar. Up to 2^53 dividing and
  // multiplying back is exact, so it gives the time again exactly when it is a multiple of a day.
  if (!(Math.abs(time) <= Number.MAX_SAFE_INTEGER)) return time % DAY_MS === 0;
  return Math.floor(time / DAY_MS) * DAY_MS === time;
}

export function tradingDayOf(time: number): TradingDay {
  const date = tradingDateOf(time);
  return { date, end: tradingDayEnd(time, date) };
}

export function tradingDateOf(time: number): string {
  return isDailyBarTime(time) ? utcMsToIsoDate(time) : newYorkDate(time);
}

/** The instant the trading day of `time` (its date `date`) ends: the next one starts. */
export function tradingDayEnd(time: number, date: string): number {
  return isDailyBarTime(time) ? time + DAY_MS : newYorkWallTimeToUtc(addDays(date, 1), 0);
}

/**
 * `tradingDayOf(time).date` for a report. A New York day is remembered by its span: an intraday
 * curve has many points per day. A daily bar is a day of its own, its date written directly: a
 * report takes the dates of its curve once, in one walk, and asks for few others.
 */
export function tradingDateLookup(): (time: number) => string {
  const newYorkDay = newYorkDayCache();
  return (time) => (isDailyBarTime(time) ? utcMsToIsoDate(time) : newYorkDay(time).date);
}

/** Report times: `YYYY-MM-DD` for daily bars, ISO-8601 UTC otherwise. */
export function formatBarTime(time: number): string {
  return isDailyBarTime(time) ? utcMsToIsoDate(time) : utcMsToIsoDateTime(time);
}
