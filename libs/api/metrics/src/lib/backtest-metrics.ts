import { Injectable } from '@nestjs/common';
import { Gauge, Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/** How many runs wait and run, read from the queue (BullMQ's counts in Redis mode) at scrape time. */
export interface BacktestLoad {
  readonly queued: number;
  readonly running: number;
}

/** The backtest queue's depth and how long runs take, by how they ended. */
@Injectable()
export class BacktestMetrics {
  private readonly duration: Histogram<'outcome'>;
  private load: () => BacktestLoad | Promise<BacktestLoad> = () => ({ queued: 0, running: 0 });

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    const read = () => this.load();
    new Gauge({
      name: 'ptp_backtest_queue_depth',
      help: 'Backtest runs waiting for a worker',
      registers,
      async collect() {
        this.set((await read()).queued);
      },
    });
    new Gauge({
      name: 'ptp_backtests_running',
      help: 'Backtest runs in progress',
      registers,
      async collect() {
        this.set((await read()).running);
      },
    });
    this.duration = new Histogram({
      name: 'ptp_backtest_duration_seconds',
      help: 'Duration of a backtest run from start to its end, by outcome',
      labelNames: ['outcome'],
      buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
      registers,
    });
  }

  /** Where the queue's depth comes from at scrape time. */
  watchQueue(load: () => BacktestLoad | Promise<BacktestLoad>): void {
    this.load = load;
  }

  finished(outcome: 'completed' | 'failed', seconds: number): void {
    this.duration.observe({ outcome }, seconds);
  }
}
