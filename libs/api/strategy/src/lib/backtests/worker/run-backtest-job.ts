import * as domain from '@ptp/domain';
import type { BacktestJob, BacktestJobData } from './backtest-job';
import { jobBars } from './job-bars';

/** The trading core's backtest entry point: `runBacktest(input, onProgress)` → the CLI's report. */
type RunBacktest = (input: unknown, onProgress: (progress: number) => void) => unknown;

export class EngineUnavailableError extends Error {
  constructor() {
    super(
      "the trading core's backtest engine (runBacktest in @ptp/domain) is not available in this build",
    );
    this.name = 'EngineUnavailableError';
  }
}

/**
 * The core's engine, looked up by name so that the API builds while the engine lands separately;
 * runs fail with ENGINE_UNAVAILABLE until it is exported.
 */
export function backtestEngine(): RunBacktest | null {
  const candidate = (domain as Record<string, unknown>)['runBacktest'];
  return typeof candidate === 'function' ? (candidate as RunBacktest) : null;
}

/** Loads the job's bars and runs the trading core's backtest on them (the same engine as `npm run backtest`). */
export function runBacktestJob(
  job: BacktestJob<BacktestJobData>,
  onProgress: (progress: number) => void,
): unknown {
  const bars = jobBars(job);
  const engine = backtestEngine();
  if (!engine) throw new EngineUnavailableError();
  const { data: _data, ...settings } = job;
  return engine({ ...settings, bars }, onProgress);
}
