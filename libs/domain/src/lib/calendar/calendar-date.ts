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
/** `-MM-DD` at `month * 32 + day`: a date is written with one concatenation, not four. */
const MONTH_DAY = Array.from(
  { length: 13 * 32 },
  (_, i) => `-${twoDigits(Math.floor(i / 32))}-${twoDigits(i % 32)}`,
);

/**
 * The UTC calendar date of an instant, as `YYYY-MM-DD`, exactly as `Date#toISOString` writes it.
 * Days are turned into a civil date with integer arithmetic (H. Hinnant's `civil_from_days`) for
 * the years 1000–9999, since replays ask for it on every trading day; other instants go through
 * `Date`. In that range every quantity below is a non-negative int32, so `| 0` is the floor and
 * the divisions by constants compile to multiplications.
 */
export function utcMsToIsoDate(ms: number): string {
  // Date truncates a time value towards zero before splitting it into days.
  const days = Math.floor(Math.trunc(ms) / DAY_MS);
  if (!(days >= FIRST_FAST_DAY && days <= LAST_FAST_DAY))
    return new Date(ms).toISOString().slice(0, 10);
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
  return year + MONTH_DAY[month * 32 + day];
}

const threeDigits = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * `new Date(ms).toISOString()` (`YYYY-MM-DDTHH:mm:ss.sssZ`), written without a Date for the years
 * 1000–9999 like `utcMsToIsoDate`: a report writes the time of every fill and round trip.
 */
export function utcMsToIsoDateTime(ms: number): string {
  const whole = Math.trunc(ms);
  const days = Math.floor(whole / DAY_MS);
  if (!(days >= FIRST_FAST_DAY && days <= LAST_FAST_DAY)) return new Date(ms).toISOString();
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
