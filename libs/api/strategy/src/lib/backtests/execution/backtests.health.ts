import { Injectable } from '@nestjs/common';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import { type ContributorHealth, HealthContributor } from '@ptp/api/shared';
import { BacktestQueue } from './backtest-queue';

/**
 * The backtest queue in GET /health: how many runs wait, run and (as BullMQ jobs) failed, whether
 * this process takes runs and how many at once, and how long recent runs took. With BullMQ the
 * numbers are the cluster's, read from Redis, the same on every instance.
 */
@Injectable()
export class BacktestsHealthContributor extends HealthContributor {
  readonly key = 'backtests';
  /** A queue that cannot be reached stops backtests, not the trading: traffic keeps coming. */
  readonly readiness = false;

  constructor(
    private readonly queue: BacktestQueue,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {
    super();
  }

  async check(): Promise<ContributorHealth> {
    const consumes = !this.config.redisUrl || this.config.server.role !== 'api';
    const here = { consumes, concurrency: consumes ? this.config.backtests.maxConcurrent : 0 };
    try {
      const [load, durations] = await Promise.all([
        this.queue.load(),
        this.queue.recentDurations(),
      ]);
      return { status: 'up', state: 'ok', ...load, ...here, durations };
    } catch (error) {
      return {
        status: 'down',
        state: 'unavailable',
        ...here,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }
}
