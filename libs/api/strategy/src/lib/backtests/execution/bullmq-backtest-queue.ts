import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BacktestMetrics } from '@ptp/api/metrics';
import { BacktestRunEntity } from '@ptp/api/persistence';
import type { Queue } from 'bullmq';
import { In, type Repository } from 'typeorm';
import {
  BacktestQueue,
  type BacktestQueueLoad,
  type CancelOutcome,
  type RecentDurations,
  summarise,
} from './backtest-queue';
import { BacktestRunner } from './backtest-runner';
import { RECENT_RUNS } from './local-backtest-queue';

export const BACKTEST_QUEUE = 'backtests';
/** Every BullMQ key of the platform starts with REDIS_PREFIX (default `ptp:`), then this. */
export const BULLMQ_PREFIX = 'bull';
export const JOB_LOST = 'interrupted: its job was no longer in the queue';

/** A job names its run; the run's request stays in the database. */
export interface BacktestJobPayload {
  readonly runId: string;
}

/** What a finished job returns, so durations can be told apart by outcome. */
export interface BacktestJobResult {
  readonly outcome: string;
}

/**
 * With REDIS_URL: a submitted run becomes a BullMQ job (its id is the run's id, so adding it twice
 * adds it once) that a worker process takes. A cancel removes a waiting job; a running one sees its
 * row turn `cancelled` when it next writes its progress, and stops.
 */
@Injectable()
export class BullmqBacktestQueue extends BacktestQueue implements OnApplicationBootstrap {
  private readonly logger = new Logger(BullmqBacktestQueue.name);

  constructor(
    @InjectQueue(BACKTEST_QUEUE) private readonly queue: Queue<BacktestJobPayload>,
    @InjectRepository(BacktestRunEntity) private readonly runs: Repository<BacktestRunEntity>,
    private readonly runner: BacktestRunner,
    metrics: BacktestMetrics,
  ) {
    super();
    // Unknown rather than zero while Redis does not answer.
    metrics.watchQueue(() =>
      this.load().catch(() => ({ queued: Number.NaN, running: Number.NaN })),
    );
    // An 'error' nobody listens to would end the process; the cause shows in GET /health.
    queue.on('error', (error) => this.logger.warn(`backtest queue: ${error.message}`));
  }

  /**
   * Queued runs get their job (again: a no-op when it exists), and a running run whose job is gone
   * (Redis lost its data) is marked failed. Runs whose worker died are BullMQ's to recover.
   */
  async onApplicationBootstrap(): Promise<void> {
    const open = await this.runs.find({
      select: ['id', 'status'],
      where: { status: In(['queued', 'running']) },
      order: { createdAt: 'ASC' },
    });
    for (const run of open) {
      if (run.status === 'queued') await this.enqueue(run.id);
      else if (!(await this.queue.getJob(run.id))) await this.runner.fail(run.id, JOB_LOST);
    }
    if (open.length > 0) this.logger.log(`${open.length} unfinished backtests checked`);
  }

  async waiting(): Promise<number> {
    return this.queue.getWaitingCount();
  }

  async enqueue(id: string): Promise<void> {
    await this.queue.add('backtest', { runId: id }, { jobId: id });
  }

  async cancel(row: BacktestRunEntity): Promise<CancelOutcome> {
    if (row.status !== 'queued' && row.status !== 'running') return { kind: 'finished' };
    const job = await this.queue.getJob(row.id);
    // Fails when a worker holds the job: the worker then stops it on seeing the cancelled row.
    await job?.remove().catch(() => undefined);
    return { kind: 'cancelled', progress: null };
  }

  progressOf(): number | undefined {
    return undefined;
  }

  async load(): Promise<BacktestQueueLoad> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'failed');
    return {
      mode: 'bullmq',
      queued: counts['waiting'] ?? 0,
      running: counts['active'] ?? 0,
      failed: counts['failed'] ?? 0,
    };
  }

  /** From BullMQ's own timestamps of the jobs it keeps: taken by a worker until finished. */
  async recentDurations(): Promise<RecentDurations> {
    const jobs = await this.queue.getJobs(['completed'], 0, RECENT_RUNS - 1);
    return summarise(
      jobs
        .filter((job) => job.processedOn && job.finishedOn)
        .map((job) => ((job.finishedOn as number) - (job.processedOn as number)) / 1000),
    );
  }
}
