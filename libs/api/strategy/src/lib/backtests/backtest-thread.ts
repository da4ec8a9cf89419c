import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
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

export interface BacktestThread {
  /** The report; rejects with a BacktestThreadError when the run fails or the thread is terminated. */
  readonly result: Promise<unknown>;
  terminate(): Promise<void>;
}

/** Runs one backtest job in its own worker thread, so live ticks on the main thread are never stalled. */
export function startBacktestThread(
  job: BacktestJob,
  onProgress: (progress: number) => void,
): BacktestThread {
  const entry = workerEntry();
  const worker = new Worker(entry.script, { ...entry.options, workerData: job });
  const result = new Promise<unknown>((resolve, reject) => {
    worker.on('message', (message: BacktestWorkerMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') resolve(message.report);
      else reject(new BacktestThreadError(message.code, message.error));
    });
    worker.on('error', (error) =>
      reject(new BacktestThreadError('BACKTEST_FAILED', error.message)),
    );
    worker.on('exit', (code) =>
      reject(
        new BacktestThreadError('BACKTEST_TERMINATED', `worker thread exited with code ${code}`),
      ),
    );
  });
  return { result, terminate: () => worker.terminate().then(() => undefined) };
}
