import type { BacktestRunEntity } from '@ptp/api/persistence';
import type { MarketTimespan } from '@ptp/contracts';
import { addDays, type Bar, newYorkWallTimeToUtc } from '@ptp/domain';
import type { BacktestUploadsService } from './backtest-uploads.service';
import type { BacktestBars } from './execution/backtest-bars';
import type { BacktestJob, BacktestJobData, BacktestJobSource } from './worker/backtest-job';

/** Polygon bars for the job's range, fetched on the main thread where network I/O blocks nothing. */
async function polygonBars(
  job: BacktestJob<BacktestJobSource>,
  timespan: MarketTimespan,
  source: BacktestBars,
): Promise<Bar[]> {
  const from = newYorkWallTimeToUtc(job.from, 0);
  const to = newYorkWallTimeToUtc(addDays(job.to, 1), 0) - 1;
  const bars: Bar[] = [];
  for (const symbol of job.symbols) {
    const symbolBars = await source.bars(symbol, timespan, from, to);
    if (symbolBars === null) throw new Error(`Polygon knows no symbol ${symbol}`);
    bars.push(...symbolBars);
  }
  return bars.sort((a, b) => a.time - b.time);
}

/** A stored run's job with its bars' source as the worker thread takes it. */
export async function workerJobOf(
  row: BacktestRunEntity,
  uploads: BacktestUploadsService,
  source: BacktestBars,
): Promise<BacktestJob<BacktestJobData>> {
  const job = JSON.parse(row.request) as BacktestJob<BacktestJobSource>;
  const { data } = job;
  if (data.kind === 'csv') {
    const csv = row.uploadId === null ? null : await uploads.csv(row.uploadId);
    if (csv === null) throw new Error('the uploaded CSV of this run is no longer stored');
    return { ...job, data: { kind: 'csv', csv, adjusted: data.adjusted } };
  }
  if (data.kind === 'polygon')
    return {
      ...job,
      data: { kind: 'bars', bars: await polygonBars(job, data.timespan, source) },
    };
  return { ...job, data };
}
