import { addDays, isoDate, weekday } from './calendar-date';
import type { NyseYearTable } from './nyse-holiday-table';

const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;

/** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** The nth (1-based) given weekday of a month; n = −1 means the last one. */
function nthWeekday(year: number, month: number, day: number, n: number): string {
  if (n > 0) {
    const first = isoDate(year, month, 1);
    return addDays(first, ((day - weekday(first) + 7) % 7) + (n - 1) * 7);
  }
  const last = isoDate(year, month + 1, 0);
  return addDays(last, -((weekday(last) - day + 7) % 7));
}

/** Saturday holidays move to Friday, Sunday holidays to Monday. */
function observed(date: string): string {
  const dow = weekday(date);
  return dow === SATURDAY ? addDays(date, -1) : dow === SUNDAY ? addDays(date, 1) : date;
}

/**
 * Closures and early closes by the current NYSE rules. Holidays that did not yet exist are omitted
 * (Juneteenth before 2022, Martin Luther King Jr. Day before 1998); one-off closures are not rules
 * and are not produced here.
 */
export function nyseRulesForYear(year: number): NyseYearTable {
  const closed: Record<string, string> = {};
  const newYear = isoDate(year, 1, 1);
  // NYSE Rule 7.2: a Saturday New Year's Day is not moved to the preceding Friday (a different
  // year).
  if (weekday(newYear) !== SATURDAY) closed[observed(newYear)] = "New Year's Day";
  if (year >= 1998) closed[nthWeekday(year, 1, MONDAY, 3)] = 'Martin Luther King Jr. Day';
  closed[nthWeekday(year, 2, MONDAY, 3)] = "Washington's Birthday";
  closed[addDays(easterSunday(year), -2)] = 'Good Friday';
  closed[nthWeekday(year, 5, MONDAY, -1)] = 'Memorial Day';
  if (year >= 2022) closed[observed(isoDate(year, 6, 19))] = 'Juneteenth National Independence Day';
  closed[observed(isoDate(year, 7, 4))] = 'Independence Day';
  closed[nthWeekday(year, 9, MONDAY, 1)] = 'Labor Day';
  const thanksgiving = nthWeekday(year, 11, THURSDAY, 4);
  closed[thanksgiving] = 'Thanksgiving Day';
  closed[observed(isoDate(year, 12, 25))] = 'Christmas Day';

  const earlyCloses: Record<string, string> = {};
  const isMondayToThursday = (date: string) => weekday(date) >= MONDAY && weekday(date) <= THURSDAY;
  const july3 = isoDate(year, 7, 3);
  if (isMondayToThursday(july3)) earlyCloses[july3] = 'Day before Independence Day';
  earlyCloses[addDays(thanksgiving, 1)] = 'Day after Thanksgiving';
  const christmasEve = isoDate(year, 12, 24);
  if (isMondayToThursday(christmasEve)) earlyCloses[christmasEve] = 'Christmas Eve';
  return { closed, earlyCloses };
}
