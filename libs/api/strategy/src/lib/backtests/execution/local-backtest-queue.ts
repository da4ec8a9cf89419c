import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import { BacktestMetrics } from '@ptp/api/metrics';
import { BacktestRunEntity, DatabaseWrites } from '@ptp/api/persistence';
import type { Repository } from 'typeorm';
import {
  BacktestQueue,
  type BacktestQueueLoad,
  type CancelOutcome,
  type RecentDurations,
  summarise,
} from './backtest-queue';
import { BacktestRunner, newRunControl, type RunControl } from './backtest-runner';

export const INTERRUPTED_BY_RESTART = 'interrupted by restart';
/** How many finished runs' durations /health summarises. */
export const RECENT_RUNS = 50;

/**
 * Without Redis: runs queue first in first out in this process and at most
 * `backtests.maxConcurrent` run at once, each in its own worker thread. Runs that were running when
 * the process stopped are marked failed at start-up; queued ones are queued again.
 */
@Injectable()
export class LocalBacktestQueue
  extends BacktestQueue
  implements OnApplicationBootstrap, OnModuleDestroy
{
  private readonly queue: string[] = [];
  private readonly active = new Map<string, RunControl>();
  private readonly durations: number[] = [];
  private stopping = false;

  constructor(
    @InjectRepository(BacktestRunEntity) private readonly runs: Repository<BacktestRunEntity>,
    private readonly writes: DatabaseWrites,
    private readonly runner: BacktestRunner,
    @InjectAppConfig() private readonly config: AppConfig,
    private readonly metrics: BacktestMetrics,
  ) {
    super();
    metrics.watchQueue(() => ({ queued: this.queue.length, running: this.active.size }));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.writes.exclusive(() =>
      this.runs.update(
        { status: 'running' },
        { status: 'failed', error: INTERRUPTED_BY_RESTART, finishedAt: Date.now() },
      ),
    );
    const queued = await this.runs.find({
      select: ['id'],
      where: { status: 'queued' },
      order: { createdAt: 'ASC' },
    });
    this.queue.push(...queued.map((run) => run.id));
    this.pump();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.active.values()].map((run) => run.thread?.terminate()));
  }

  async waiting(): Promise<number> {
    return this.queue.length;
  }

  async enqueue(id: string): Promise<void> {
    this.queue.push(id);
    this.pump();
  }

  async cancel(row: BacktestRunEntity): Promise<CancelOutcome> {
    const queuedAt = this.queue.indexOf(row.id);
    const active = this.active.get(row.id);
    if (queuedAt >= 0) {
      this.queue.splice(queuedAt, 1);
      return { kind: 'cancelled', progress: null };
    }
    if (active && !active.settled) {
      active.settled = true;
      await active.thread?.terminate();
      return { kind: 'cancelled', progress: active.progress };
    }
    if (active || row.status === 'queued' || row.status === 'running') return { kind: 'finishing' };
    return { kind: 'finished' };
  }

  progressOf(id: string): number | undefined {
    return this.active.get(id)?.progress;
  }

  async load(): Promise<BacktestQueueLoad> {
    return { mode: 'in-process', queued: this.queue.length, running: this.active.size, failed: 0 };
  }

  async recentDurations(): Promise<RecentDurations> {
    return summarise(this.durations);
  }

  private pump(): void {
    while (
      !this.stopping &&
      this.active.size < this.config.backtests.maxConcurrent &&
      this.queue.length > 0
    ) {
      const id = this.queue.shift() as string;
      const run = newRunControl();
      this.active.set(id, run);
      void this.execute(id, run).finally(() => {
        this.active.delete(id);
        this.pump();
      });
    }
  }

  private async execute(id: string, run: RunControl): Promise<void> {
    const startedAt = performance.now();
    const outcome = await this.runner.execute(id, run, () => this.stopping);
    if (outcome !== 'completed' && outcome !== 'failed') return;
    const seconds = (performance.now() - startedAt) / 1000;
    this.metrics.finished(outcome, seconds);
    this.durations.push(seconds);
    if (this.durations.length > RECENT_RUNS) this.durations.shift();
  }
}
