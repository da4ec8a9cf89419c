import { addDays, DAY_MS, utcMsToIsoDate, utcMsToIsoDateTime } from '../calendar/calendar-date';
import { newYorkDayCache } from '../calendar/new-york-day-cache';
import { lowerBound } from '../calendar/span-cache';
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
  const dailyDate = dailyDateCache();
  return (time) => dailyDate(time) ?? newYorkDay(time).date;
}

/**
 * The dates of the daily bar times met, in time order (undefined for any other instant). A walk of
 * a daily curve meets each time just after the one found last: found there, it is not tested for
 * being a daily bar time again, and no span is kept per day.
 */
function dailyDateCache(): (time: number) => string | undefined {
  const times: number[] = [];
  const dates: string[] = [];
  let last = 0;
  return (time) => {
    if (last + 1 < times.length && times[last + 1] === time) return dates[++last];
    if (last < times.length && times[last] === time) return dates[last];
    if (!isDailyBarTime(time)) return undefined;
    // A first walk meets every time past the ones it has seen.
    if (times.length === 0 || time > times[times.length - 1]) {
      times.push(time);
      dates.push(utcMsToIsoDate(time));
      last = times.length - 1;
      return dates[last];
    }
    const lo = lowerBound(times.length, (i) => times[i] < time);
    if (times[lo] !== time) {
      times.splice(lo, 0, time);
      dates.splice(lo, 0, utcMsToIsoDate(time));
    }
    last = lo;
    return dates[lo];
  };
}

/** Report times: `YYYY-MM-DD` for daily bars, ISO-8601 UTC otherwise. */
export function formatBarTime(time: number): string {
  return isDailyBarTime(time) ? utcMsToIsoDate(time) : utcMsToIsoDateTime(time);
}
