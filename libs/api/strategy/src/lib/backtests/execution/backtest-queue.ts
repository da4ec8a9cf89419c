import type { BacktestRunEntity } from '@ptp/api/persistence';

/** What a DELETE of a run found: it can be cancelled, it is writing its result, or it has ended. */
export type CancelOutcome =
  | { readonly kind: 'cancelled'; readonly progress: number | null }
  | { readonly kind: 'finishing' }
  | { readonly kind: 'finished' };

/** How many runs wait, run and (with BullMQ) failed as jobs; read by /health and the metrics. */
export interface BacktestQueueLoad {
  readonly mode: 'in-process' | 'bullmq';
  readonly queued: number;
  readonly running: number;
  readonly failed: number;
}

/** Durations of recently finished runs, in seconds. */
export interface RecentDurations {
  readonly count: number;
  readonly meanSeconds: number | null;
  readonly maxSeconds: number | null;
}

/**
 * Where submitted runs wait until something runs them: this process's own queue and worker
 * threads, or (with REDIS_URL) BullMQ jobs that worker processes take.
 */
export abstract class BacktestQueue {
  /** Runs waiting now; submissions beyond MAX_QUEUED_BACKTESTS are refused. */
  abstract waiting(): Promise<number>;
  /** The run's row is stored with status `queued`: have it run. */
  abstract enqueue(id: string): Promise<void>;
  abstract cancel(row: BacktestRunEntity): Promise<CancelOutcome>;
  /** Progress known to this process that the database may not have yet. */
  abstract progressOf(id: string): number | undefined;
  abstract load(): Promise<BacktestQueueLoad>;
  abstract recentDurations(): Promise<RecentDurations>;
}

/** Mean and maximum of `seconds`, as /health shows them. */
export function summarise(seconds: readonly number[]): RecentDurations {
  if (seconds.length === 0) return { count: 0, meanSeconds: null, maxSeconds: null };
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    count: seconds.length,
    meanSeconds: round(seconds.reduce((sum, s) => sum + s, 0) / seconds.length),
    maxSeconds: round(Math.max(...seconds)),
  };
}
