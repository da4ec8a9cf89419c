import { ApiError } from '@ptp/api/shared';
import type { MarketStatusResponse } from '@ptp/contracts';
import { addDays, newYorkDate, newYorkOffsetMs, session } from '@ptp/domain';

/** Alpaca's clock; in the simulated market's always-open mode `is_open` is always true. */
export interface AlpacaClock {
  readonly timestamp: string;
  readonly is_open: boolean;
  readonly next_open: string;
  readonly next_close: string;
}

export interface AlpacaCalendarDay {
  readonly date: string;
  readonly open: string;
  readonly close: string;
  readonly session_open: string;
  readonly session_close: string;
  readonly settlement_date: string;
}

/** The longest range GET /v2/calendar answers at once. */
const MAX_CALENDAR_DAYS = 3_660;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Times in New York with the zone's offset, as Alpaca writes its clock. */
function newYorkTime(time: number): string {
  const offset = newYorkOffsetMs(time);
  const local = new Date(time + offset).toISOString().slice(0, 19);
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

export function toAlpacaClock(status: MarketStatusResponse): AlpacaClock {
  return {
    timestamp: newYorkTime(status.asOf),
    is_open: status.open,
    next_open: newYorkTime(status.nextOpen),
    next_close: newYorkTime(status.nextClose),
  };
}

const hhmm = (time: number): string => newYorkTime(time).slice(11, 16);

function date(value: unknown, name: string, fallback: string): string {
  if (value === undefined || value === '') return fallback;
  if (typeof value !== 'string' || !ISO_DATE.test(value.slice(0, 10)))
    throw ApiError.unprocessable('INVALID_QUERY', `${name} must be a date (YYYY-MM-DD)`);
  return value.slice(0, 10);
}

/** Trading days of the NYSE calendar from `start` to `end` (both inclusive, New York dates). */
export function calendarDays(query: Record<string, unknown>, now: number): AlpacaCalendarDay[] {
  const today = newYorkDate(now);
  const start = date(query['start'], 'start', today);
  const end = date(query['end'], 'end', addDays(start, 30));
  const days: AlpacaCalendarDay[] = [];
  let count = 0;
  for (let day = start; day <= end; day = addDays(day, 1)) {
    if (++count > MAX_CALENDAR_DAYS)
      throw ApiError.unprocessable('INVALID_QUERY', `at most ${MAX_CALENDAR_DAYS} days at once`);
    const trading = session(day);
    if (!trading) continue;
    days.push({
      date: day,
      open: hhmm(trading.open),
      close: hhmm(trading.close),
      session_open: '0400',
      session_close: '2000',
      settlement_date: nextTradingDay(day),
    });
  }
  return days;
}

/** T+1 settlement: the next trading day. */
function nextTradingDay(day: string): string {
  let next = addDays(day, 1);
  while (!session(next)) next = addDays(next, 1);
  return next;
}
