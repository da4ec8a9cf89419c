import { parentPort, workerData } from 'node:worker_threads';
import { DataFormatError, StrategyParamsError } from '@ptp/domain';
import type { BacktestJob, BacktestWorkerMessage } from './backtest-job';
import { EngineUnavailableError, runBacktestJob } from './run-backtest-job';

/** Progress is posted only when it moves by this much, so a long run does not flood the main thread. */
const PROGRESS_STEP = 0.01;

/*
 * Entry of the backtest worker thread: runs one job and posts progress, then the report or the error.
 * Built as its own webpack entry (dist/apps/api/backtest-worker.js); from TypeScript sources it runs
 * through tsx. Cancelling terminates the thread.
 */
function post(message: BacktestWorkerMessage): void {
  parentPort?.postMessage(message);
}

function errorCode(error: unknown): string {
  if (error instanceof DataFormatError) return `DATA_${error.code}`;
  if (error instanceof StrategyParamsError) return 'INVALID_STRATEGY_PARAMS';
  if (error instanceof EngineUnavailableError) return 'ENGINE_UNAVAILABLE';
  return 'BACKTEST_FAILED';
}

let posted = 0;
try {
  const report = runBacktestJob(workerData as BacktestJob, (progress) => {
    if (progress - posted >= PROGRESS_STEP) {
      posted = progress;
      post({ type: 'progress', progress });
    }
  });
  post({ type: 'done', report });
} catch (error) {
  post({
    type: 'failed',
    error: error instanceof Error ? error.message : String(error),
    code: errorCode(error),
  });
}
