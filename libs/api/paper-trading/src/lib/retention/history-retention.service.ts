import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import { MarketDataService } from '@ptp/api/market-data';
import {
  DatabaseWrites,
  dropDecisionsBefore,
  EquitySnapshotEntity,
  thinEquitySnapshots,
  THINNING_START,
  type ThinningCursor,
} from '@ptp/api/persistence';
import { DataSource } from 'typeorm';
import { TradingDesks } from '../desk/trading-desks.service';
import { AccountFence } from '../ownership/account-fence.service';

const DAY_MS = 86_400_000;
/** Runs once per simulated day, but never more often than this, nor less often than the maximum. */
const MIN_PERIOD_MS = 5_000;
const MAX_PERIOD_MS = 600_000;

export interface RetentionOutcome {
  readonly snapshotsThinned: number;
  readonly decisionsDropped: number;
}

/**
 * Keeps each account's history bounded (`retention.*`): equity snapshots older than
 * `rawEquityDays` of market time are thinned to the points the metrics depend on, and decisions
 * older than `decisionDays` are dropped. Runs for the accounts this process trades, in each
 * account's queue, so a reset never interleaves with it. Each account's cursor lives here, so a run
 * reads only the days that aged out since the last one. Its deletes carry the account's fence, like
 * every other write of the owner: a process that lost the account deletes nothing.
 */
@Injectable()
export class HistoryRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(HistoryRetention.name);
  private readonly cursors = new Map<string, ThinningCursor>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly desks: TradingDesks,
    private readonly marketData: MarketDataService,
    private readonly writes: DatabaseWrites,
    private readonly dataSource: DataSource,
    private readonly fence: AccountFence,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(this.period());
  }

  onModuleDestroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One pass over every account this process trades; also what the timer runs. */
  async runOnce(): Promise<RetentionOutcome> {
    const now = (await this.marketData.status()).asOf;
    let snapshotsThinned = 0;
    let decisionsDropped = 0;
    for (const accountId of this.desks.ownedAccountIds()) {
      const outcome = await this.desks.exclusive(accountId, () => this.retain(accountId, now));
      snapshotsThinned += outcome.snapshotsThinned;
      decisionsDropped += outcome.decisionsDropped;
    }
    return { snapshotsThinned, decisionsDropped };
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      const outcome = await this.runOnce();
      if (outcome.snapshotsThinned + outcome.decisionsDropped > 0)
        this.logger.log(
          `Retention: thinned ${outcome.snapshotsThinned} equity snapshots, dropped ${outcome.decisionsDropped} decisions`,
        );
    } catch (error) {
      this.logger.warn(`Retention pass failed, retried later: ${(error as Error).message}`);
    }
    if (this.timer !== null) this.schedule(this.period());
  }

  /**
   * A day of the market's clock, within bounds. Read from the configuration rather than the
   * market's status, which would spend (and cache) a status request of the provider's.
   */
  private period(): number {
    const { provider, simulated, replay } = this.config.marketData;
    const rate =
      provider === 'simulated' ? simulated.speed : provider === 'replay' ? replay.speed : 1;
    return Math.min(MAX_PERIOD_MS, Math.max(MIN_PERIOD_MS, DAY_MS / rate));
  }

  private async retain(accountId: string, now: number): Promise<RetentionOutcome> {
    const { rawEquityDays, decisionDays } = this.config.retention;
    const cursor = await this.validCursor(accountId);
    const outcome = await this.writes.transaction(async (manager) => {
      await this.fence.check(manager, accountId);
      const thinned = await thinEquitySnapshots(
        manager,
        accountId,
        now - rawEquityDays * DAY_MS,
        cursor,
      );
      const decisionsDropped = await dropDecisionsBefore(
        manager,
        accountId,
        now - decisionDays * DAY_MS,
      );
      return { thinned, decisionsDropped };
    });
    // Only once committed: a rolled-back pass must be done again.
    this.cursors.set(accountId, outcome.thinned.cursor);
    return {
      snapshotsThinned: outcome.thinned.deleted,
      decisionsDropped: outcome.decisionsDropped,
    };
  }

  /** The stored cursor while the peak it carries still exists; a reset erases it, so start over. */
  private async validCursor(accountId: string): Promise<ThinningCursor> {
    const cursor = this.cursors.get(accountId);
    const peak = cursor?.peaks.equity;
    if (!cursor || !peak) return THINNING_START;
    const still = await this.dataSource
      .getRepository(EquitySnapshotEntity)
      .existsBy({ accountId, time: peak.time });
    return still ? cursor : THINNING_START;
  }
}
