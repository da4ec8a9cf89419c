/** Helpers for calendar dates written as ISO `YYYY-MM-DD` strings (no time zone attached). */

/** One minute, hour and day in milliseconds (UTC epoch time has no leap seconds). */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** UTC midnight of an ISO date; throws RangeError for anything that is not a real calendar date. */
export function isoDateToUtcMidnight(date: string): number {
  const match = ISO_DATE.exec(date);
  const ms = match
    ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
    : Number.NaN;
  if (Number.isNaN(ms) || utcMsToIsoDate(ms) !== date) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): "${date}"`);
  }
  return ms;
}

const FIRST_FAST_DAY = Date.UTC(1000, 0, 1) / DAY_MS;
const LAST_FAST_DAY = Date.UTC(9999, 11, 31) / DAY_MS;
const twoDigits = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** Whole days since the epoch, as `Date` counts them (it truncates towards zero first). */
const epochDay = (ms: number): number => Math.floor(Math.trunc(ms) / DAY_MS);

const isFastDay = (days: number): boolean => days >= FIRST_FAST_DAY && days <= LAST_FAST_DAY;

/**
 * The civil date of a day of the years 1000–9999, packed as `year * 512 + month * 32 + day`, by
 * integer arithmetic (H. Hinnant's `civil_from_days`). In that range every quantity below is a
 * non-negative int32, so `| 0` is the floor and the divisions by constants compile to
 * multiplications.
 */
function civilFromDays(days: number): number {
  const shifted = (days + 719_468) | 0;
  const era = (shifted / 146_097) | 0;
  const dayOfEra = (shifted - era * 146_097) | 0;
  const yearOfEra =
    ((dayOfEra - ((dayOfEra / 1460) | 0) + ((dayOfEra / 36_524) | 0) - ((dayOfEra / 146_096) | 0)) /
      365) |
    0;
  const dayOfYear =
    (dayOfEra - (365 * yearOfEra + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0))) | 0;
  const shiftedMonth = ((5 * dayOfYear + 2) / 153) | 0;
  const day = (dayOfYear - (((153 * shiftedMonth + 2) / 5) | 0) + 1) | 0;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 512 + month * 32 + day;
}

/** `DD` of the days of a month, at the day; `-MM-` and the days of a common year, at the month. */
const DAY_OF_MONTH = Array.from({ length: 32 }, (_, day) => twoDigits(day));
const MONTH_TEXT = Array.from({ length: 13 }, (_, month) => `-${twoDigits(month)}-`);
const MONTH_LENGTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The month of the last date `utcMsToIsoDate` worked out: its first day, the next month's, and
 * `YYYY-MM-`. Callers walk days in order (an engine's day roll, a report's curve), and a day of the
 * same month is written from it without the civil arithmetic. Empty at first.
 */
let monthFirstDay = 0;
let nextMonthFirstDay = 0;
let monthPrefix = '';

/**
 * The UTC calendar date of an instant, as `YYYY-MM-DD`, exactly as `Date#toISOString` writes it.
 * Written from `civilFromDays` for the years 1000–9999, since replays ask for it on every trading
 * day; other instants go through `Date`.
 */
export function utcMsToIsoDate(ms: number): string {
  const days = epochDay(ms);
  if (days >= monthFirstDay && days < nextMonthFirstDay)
    return monthPrefix + DAY_OF_MONTH[days - monthFirstDay + 1];
  if (!isFastDay(days)) return new Date(ms).toISOString().slice(0, 10);
  const civil = civilFromDays(days);
  const year = civil >> 9;
  const month = (civil >> 5) & 15;
  const day = civil & 31;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  monthFirstDay = days - day + 1;
  nextMonthFirstDay = monthFirstDay + (month === 2 && leap ? 29 : MONTH_LENGTH[month]);
  monthPrefix = year + MONTH_TEXT[month];
  return monthPrefix + DAY_OF_MONTH[day];
}

/**
 * The indices of the instants (in time order) that begin a UTC month among them, the first's
 * included: where the `YYYY-MM` of `utcMsToIsoDate` changes, found with a civil date per month
 * rather than a date per instant. Null when an instant lies outside the years 1000–9999, where
 * that date is not written `YYYY-MM-DD`.
 */
export function utcMonthStarts(times: Float64Array): number[] | null {
  const n = times.length;
  if (n > 0 && !(isFastDay(epochDay(times[0])) && isFastDay(epochDay(times[n - 1])))) return null;
  const starts: number[] = [];
  let nextMonth = -Infinity;
  for (let i = 0; i < n; i++) {
    if (times[i] < nextMonth) continue;
    starts.push(i);
    const civil = civilFromDays(epochDay(times[i]));
    // The month is 1-based: as Date.UTC's 0-based month it is the next one.
    nextMonth = Date.UTC(civil >> 9, (civil >> 5) & 15, 1);
  }
  return starts;
}

const threeDigits = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * `new Date(ms).toISOString()` (`YYYY-MM-DDTHH:mm:ss.sssZ`), written without a Date for the years
 * 1000–9999 like `utcMsToIsoDate`: a report writes the time of every fill and round trip.
 */
export function utcMsToIsoDateTime(ms: number): string {
  const whole = Math.trunc(ms);
  const days = Math.floor(whole / DAY_MS);
  if (!isFastDay(days)) return new Date(ms).toISOString();
  let rest = whole - days * DAY_MS;
  const hours = Math.floor(rest / HOUR_MS);
  rest -= hours * HOUR_MS;
  const minutes = Math.floor(rest / MINUTE_MS);
  rest -= minutes * MINUTE_MS;
  const seconds = Math.floor(rest / 1000);
  const clock = `${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}`;
  return `${utcMsToIsoDate(whole)}T${clock}.${threeDigits(rest - seconds * 1000)}Z`;
}

export function addDays(date: string, days: number): string {
  return utcMsToIsoDate(isoDateToUtcMidnight(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(isoDateToUtcMidnight(date)).getUTCDay();
}

export function isoDate(year: number, month: number, day: number): string {
  return utcMsToIsoDate(Date.UTC(year, month - 1, day));
}
