import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  newYorkDate,
  isoDateToUtcMidnight,
  parseYahooDailyCsv,
  syntheticMinuteBars,
  utcMsToIsoDate,
  type Bar,
} from '@ptp/domain';

/** A data set the full-backtest bench runs: bars already parsed, so parsing is never timed. */
export interface BacktestShape {
  readonly name: string;
  readonly description: string;
  readonly bars: readonly Bar[];
}

const SEED = 42;
const SYMBOL = 'AAPL';
const MINUTES_PER_YEAR = 98_280;
/** Twenty trading years, about the length of the ORCL 1995–2014 file the issue was measured on. */
const DAILY_YEARS = 20;

/**
 * Daily bars (00:00 UTC of the New York date, the parsers' convention) made by aggregating the seeded
 * simulator's minutes session by session: a long daily series any clone can build.
 */
function syntheticDailyBars(years: number): Bar[] {
  const days: Bar[] = [];
  let day: { -readonly [K in keyof Bar]: Bar[K] } | null = null;
  let date = '';
  const minutes = syntheticMinuteBars(SYMBOL, {
    seed: SEED,
    count: years * MINUTES_PER_YEAR,
    startDate: '1995-01-03',
  });
  for (const minute of minutes) {
    const minuteDate = newYorkDate(minute.time);
    if (day === null || minuteDate !== date) {
      date = minuteDate;
      day = { ...minute, time: isoDateToUtcMidnight(date) };
      days.push(day);
      continue;
    }
    day.high = Math.max(day.high, minute.high);
    day.low = Math.min(day.low, minute.low);
    day.close = minute.close;
    day.volume += minute.volume;
  }
  return days;
}

function minuteBars(years: number): Bar[] {
  return [...syntheticMinuteBars(SYMBOL, { seed: SEED, count: years * MINUTES_PER_YEAR })];
}

/** The shapes every `npm run bench` measures, plus a Yahoo daily CSV given with `--daily-csv`. */
export function backtestShape(name: string): BacktestShape {
  if (name === 'daily')
    return {
      name,
      description: `${DAILY_YEARS} years of daily bars (seeded simulator, aggregated per session)`,
      bars: syntheticDailyBars(DAILY_YEARS),
    };
  if (name === 'minute')
    return {
      name,
      description: 'one year of 1-minute bars (seeded simulator)',
      bars: minuteBars(1),
    };
  const bars = parseYahooDailyCsv(readFileSync(name, 'utf8'), { symbol: SYMBOL, adjusted: false });
  const span = `${utcMsToIsoDate(bars[0].time)}…${utcMsToIsoDate(bars[bars.length - 1].time)}`;
  return { name: basename(name), description: `Yahoo daily CSV ${basename(name)}, ${span}`, bars };
}
