import {
  addDays,
  type Bar,
  newYorkWallTimeToUtc,
  parseYahooDailyCsv,
  syntheticMarketMinutes,
} from '@ptp/domain';
import type { BacktestJob } from './backtest-job';

/** [from 00:00, day after `to` 00:00) in New York, as UTC ms. */
function rangeMs(job: BacktestJob): { start: number; end: number } {
  return {
    start: newYorkWallTimeToUtc(job.from, 0),
    end: newYorkWallTimeToUtc(addDays(job.to, 1), 0),
  };
}

/** Daily CSV bars are stamped 00:00 UTC of their date, so they are selected by date, not by instant. */
function inDateRange(bar: Bar, job: BacktestJob): boolean {
  const date = new Date(bar.time).toISOString().slice(0, 10);
  return date >= job.from && date <= job.to;
}

/** The job's bars in time order (for several symbols, one minute after another). */
export function jobBars(job: BacktestJob): Bar[] {
  const { data } = job;
  if (data.kind === 'csv')
    return parseYahooDailyCsv(data.csv, { symbol: job.symbols[0], adjusted: data.adjusted }).filter(
      (bar) => inDateRange(bar, job),
    );
  const { start, end } = rangeMs(job);
  if (data.kind === 'bars') return data.bars.filter((bar) => bar.time >= start && bar.time < end);
  const bars: Bar[] = [];
  for (const minute of syntheticMarketMinutes(job.symbols, {
    seed: data.seed,
    count: Number.POSITIVE_INFINITY,
    startDate: job.from,
  })) {
    if (minute[0].time >= end) break;
    bars.push(...minute);
  }
  return bars;
}
