import type { BacktestRunEntity } from '@ptp/api/persistence';
import type { BacktestReport, BacktestRun, BacktestStatus } from '@ptp/contracts';
import type { BacktestJob, BacktestJobSource } from './worker/backtest-job';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The stored job as the API shows it: an uploaded CSV is summarised by its size instead of echoed. */
function describeRequest(
  accountId: string,
  job: BacktestJob<BacktestJobSource>,
): Record<string, unknown> {
  const data =
    job.data.kind === 'csv'
      ? { kind: 'csv', bytes: Buffer.byteLength(job.data.csv), adjusted: job.data.adjusted }
      : job.data;
  return { accountId, ...job, data };
}

/** `progress` overrides the stored value while the run is active (it is only persisted when the run ends). */
export function toBacktestRun(
  row: BacktestRunEntity,
  withReport: boolean,
  progress?: number,
): BacktestRun {
  return {
    id: row.id,
    status: row.status as BacktestStatus,
    progress: progress ?? row.progress,
    request: describeRequest(row.accountId, JSON.parse(row.request)),
    error: row.error,
    createdAt: new Date(row.createdAt).toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    ...(withReport
      ? { report: row.report === null ? null : (JSON.parse(row.report) as BacktestReport) }
      : {}),
  };
}
