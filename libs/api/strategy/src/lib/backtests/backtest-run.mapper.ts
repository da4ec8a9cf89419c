import type { BacktestRunEntity } from '@ptp/api/persistence';
import type { BacktestReport, BacktestRun, BacktestStatus } from '@ptp/contracts';
import type { BacktestJob, BacktestJobSource } from './worker/backtest-job';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

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
    // As stored: an uploaded CSV appears by its size, its text being kept with the upload.
    request: {
      accountId: row.accountId,
      ...(JSON.parse(row.request) as BacktestJob<BacktestJobSource>),
    },
    error: row.error,
    ranBy: row.ranBy,
    createdAt: new Date(row.createdAt).toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    ...(withReport
      ? { report: row.report === null ? null : (JSON.parse(row.report) as BacktestReport) }
      : {}),
  };
}
