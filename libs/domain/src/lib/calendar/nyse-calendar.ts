import { addDays, weekday } from './calendar-date';
import { newYorkDate, newYorkWallTimeToUtc } from './new-york-time';
import { nyseRulesForYear } from './nyse-holiday-rules';
import { NYSE_HOLIDAY_TABLE, NyseYearTable } from './nyse-holiday-table';

/** One regular NYSE session; `open` and `close` are UTC ms. */
export interface TradingSession {
  readonly date: string;
  readonly open: number;
  readonly close: number;
  readonly earlyClose: boolean;
}

export interface MarketHoliday {
  readonly date: string;
  readonly name: string;
}

const OPEN_MINUTES = 9 * 60 + 30;
const CLOSE_MINUTES = 16 * 60;
const EARLY_CLOSE_MINUTES = 13 * 60;
/** Far longer than any run of closed days, so a search that exceeds it means a broken calendar. */
const MAX_DAYS_TO_SEARCH = 14;

const yearTables = new Map<number, NyseYearTable>();

function yearTable(year: number): NyseYearTable {
  let table = yearTables.get(year);
  if (!table) {
    table = NYSE_HOLIDAY_TABLE[year] ?? nyseRulesForYear(year);
    yearTables.set(year, table);
  }
  return table;
}

const yearOf = (date: string): number => Number(date.slice(0, 4));

/** Full-day NYSE closures of a year (weekends excluded), in date order. */
export function nyseHolidays(year: number): MarketHoliday[] {
  return listOf(yearTable(year).closed);
}

/** 13:00 early closes of a year, in date order. */
export function nyseEarlyCloses(year: number): MarketHoliday[] {
  return listOf(yearTable(year).earlyCloses);
}

function listOf(dates: Readonly<Record<string, string>>): MarketHoliday[] {
  return Object.entries(dates)
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Whether the NYSE trades on `date`: a weekday that is not a full holiday. */
export function isTradingDay(date: string): boolean {
  // weekday() throws a RangeError for anything that is not a calendar date.
  const dow = weekday(date);
  return dow !== 0 && dow !== 6 && yearTable(yearOf(date)).closed[date] === undefined;
}

/**
 * The regular session on a New York date (`YYYY-MM-DD`), or null when the market is closed all day.
 */
export function session(date: string): TradingSession | null {
  if (!isTradingDay(date)) return null;
  const earlyClose = yearTable(yearOf(date)).earlyCloses[date] !== undefined;
  return {
    date,
    open: newYorkWallTimeToUtc(date, OPEN_MINUTES),
    close: newYorkWallTimeToUtc(date, earlyClose ? EARLY_CLOSE_MINUTES : CLOSE_MINUTES),
    earlyClose,
  };
}

interface NewYorkDay {
  readonly start: number;
  readonly end: number;
  readonly session: TradingSession | null;
}

/** The last day asked about: engines ask isOpen for bar after bar of the same day. */
let lastDay: NewYorkDay | undefined;

function dayContaining(t: number): NewYorkDay {
  if (lastDay && t >= lastDay.start && t < lastDay.end) {
    return lastDay;
  }
  const date = newYorkDate(t);
  lastDay = {
    start: newYorkWallTimeToUtc(date, 0),
    end: newYorkWallTimeToUtc(addDays(date, 1), 0),
    session: session(date),
  };
  return lastDay;
}

/** True during a regular session: open inclusive, close exclusive. */
export function isOpen(t: number): boolean {
  const today = dayContaining(t).session;
  return today !== null && t >= today.open && t < today.close;
}

/** The first session open strictly after `t` (UTC ms). */
export function nextOpen(t: number): number {
  return firstSessionAfter(t, (s) => s.open);
}

/** The first session close strictly after `t` (UTC ms): today's close while the market is open. */
export function nextClose(t: number): number {
  return firstSessionAfter(t, (s) => s.close);
}

function firstSessionAfter(t: number, edge: (s: TradingSession) => number): number {
  const start = newYorkDate(t);
  for (let i = 0; i <= MAX_DAYS_TO_SEARCH; i++) {
    const candidate = session(addDays(start, i));
    if (candidate && edge(candidate) > t) {
      return edge(candidate);
    }
  }
  throw new Error(
    `no NYSE session within ${MAX_DAYS_TO_SEARCH} days after ${new Date(t).toISOString()}`,
  );
}
