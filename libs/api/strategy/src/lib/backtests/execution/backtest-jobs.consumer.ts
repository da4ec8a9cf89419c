import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import { BacktestMetrics } from '@ptp/api/metrics';
import type { Job } from 'bullmq';
import { BacktestRunner, newRunControl, type RunControl } from './backtest-runner';
import {
  BACKTEST_QUEUE,
  type BacktestJobPayload,
  type BacktestJobResult,
} from './bullmq-backtest-queue';

/**
 * A worker holds a job's lock for this long and renews it at half of it; a worker that dies (even by
 * SIGKILL) stops renewing, and the stalled check, run this often by every worker, puts its job back
 * in the queue once: the run starts over from scratch elsewhere (a backtest is deterministic). A job
 * that stalls a second time fails.
 */
export const JOB_LOCK_MS = 15_000;
export const STALLED_CHECK_MS = 15_000;
export const MAX_STALLED = 1;

/**
 * Takes backtest jobs from BullMQ in `worker` processes, and in `all` processes with Redis:
 * `backtests.maxConcurrent` at a time, each in its own worker thread, progress and result written
 * to the database. `api` processes do not load it.
 */
@Injectable()
@Processor(BACKTEST_QUEUE, {
  autorun: false,
  lockDuration: JOB_LOCK_MS,
  stalledInterval: STALLED_CHECK_MS,
  maxStalledCount: MAX_STALLED,
})
export class BacktestJobsConsumer
  extends WorkerHost
  implements OnApplicationBootstrap, OnModuleDestroy
{
  private readonly logger = new Logger(BacktestJobsConsumer.name);
  private readonly active = new Map<string, RunControl>();
  private stopping = false;

  constructor(
    private readonly runner: BacktestRunner,
    private readonly metrics: BacktestMetrics,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.backtests.maxConcurrent;
    void this.worker.run().catch((error: Error) => this.logger.error(error.message));
  }

  /**
   * Leaves without finishing: the threads end now and the jobs stay active until their lock
   * expires, when another worker (or this one, restarted) takes them up again.
   */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.worker.close(true);
    await Promise.all([...this.active.values()].map((run) => run.thread?.terminate()));
  }

  async process(job: Job<BacktestJobPayload>): Promise<BacktestJobResult> {
    const { runId } = job.data;
    const run = newRunControl();
    this.active.set(runId, run);
    try {
      const outcome = await this.runner.execute(runId, run, () => this.stopping, true);
      if (outcome === 'completed' || outcome === 'failed')
        this.metrics.finished(outcome, (Date.now() - (job.processedOn ?? Date.now())) / 1000);
      return { outcome };
    } finally {
      this.active.delete(runId);
    }
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`backtest worker: ${error.message}`);
  }

  /** A job that failed outside the run (the database was unreachable, say): its row says so. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<BacktestJobPayload> | undefined, error: Error): Promise<void> {
    if (!job || this.stopping) return;
    await this.runner.fail(job.data.runId, error.message).catch(() => undefined);
  }
}
