import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import { BACKTEST_ERROR_CODES } from '@ptp/contracts';
import type { BacktestJob, BacktestWorkerMessage } from './worker/backtest-job';

/** The worker's file name in the webpack build, next to main.js (see apps/api/webpack.config.js). */
export const BUNDLED_WORKER_FILE = 'backtest-worker.js';
const SOURCE_WORKER_FILE = join(__dirname, 'worker', 'backtest-worker.main.ts');

interface WorkerEntry {
  readonly script: string;
  readonly options: { eval?: boolean; env?: NodeJS.ProcessEnv };
}

function workspaceTsconfig(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'tsconfig.base.json'))) return join(dir, 'tsconfig.base.json');
  }
  throw new Error(`tsconfig.base.json not found above ${from}`);
}

/**
 * In the built app the worker is a bundled .js beside this code; when the API runs from TypeScript
 * (jest, tsx) the .ts source runs through tsx, with the workspace's path aliases.
 */
function workerEntry(): WorkerEntry {
  const bundled = join(__dirname, BUNDLED_WORKER_FILE);
  if (existsSync(bundled)) return { script: bundled, options: {} };
  return {
    script: `require('tsx/cjs/api').register(); require(${JSON.stringify(SOURCE_WORKER_FILE)});`,
    options: {
      eval: true,
      env: { ...process.env, TSX_TSCONFIG_PATH: workspaceTsconfig(__dirname) },
    },
  };
}

export class BacktestThreadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BacktestThreadError';
  }
}

/**
 * `memoryMb` bounds the thread's old generation, where bars and reports live; the young generation
 * (short-lived objects) gets an eighth of that, at least 2 and at most 64 MB, on top.
 */
export function workerResourceLimits(memoryMb: number): ResourceLimits {
  return {
    maxOldGenerationSizeMb: memoryMb,
    maxYoungGenerationSizeMb: Math.min(64, Math.max(2, Math.floor(memoryMb / 8))),
  };
}

/** What a thread's `error` event means for its run. */
export function threadFailure(
  error: Error & { code?: unknown },
  memoryMb: number,
): BacktestThreadError {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return new BacktestThreadError(
      BACKTEST_ERROR_CODES.outOfMemory,
      `the run needed more memory than backtests.workerMemoryMb (${memoryMb} MB) allows`,
    );
  return new BacktestThreadError('BACKTEST_FAILED', error.message);
}

export interface BacktestThread {
  /** The report; rejects with a BacktestThreadError when the run fails or the thread is terminated. */
  readonly result: Promise<unknown>;
  terminate(): Promise<void>;
}

/**
 * Runs one backtest job in its own worker thread, so live ticks on the main thread are never
 * stalled, with at most `memoryMb` of heap: a run that needs more fails alone, the API goes on.
 */
export function startBacktestThread(
  job: BacktestJob,
  onProgress: (progress: number) => void,
  memoryMb: number,
): BacktestThread {
  const entry = workerEntry();
  const worker = new Worker(entry.script, {
    ...entry.options,
    workerData: job,
    resourceLimits: workerResourceLimits(memoryMb),
  });
  const result = new Promise<unknown>((resolve, reject) => {
    worker.on('message', (message: BacktestWorkerMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') resolve(message.report);
      else reject(new BacktestThreadError(message.code, message.error));
    });
    worker.on('error', (error) => reject(threadFailure(error, memoryMb)));
    worker.on('exit', (code) =>
      reject(
        new BacktestThreadError('BACKTEST_TERMINATED', `worker thread exited with code ${code}`),
      ),
    );
  });
  return { result, terminate: () => worker.terminate().then(() => undefined) };
}
