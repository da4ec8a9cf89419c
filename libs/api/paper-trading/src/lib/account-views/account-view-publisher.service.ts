import {
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { RuntimeConfigService } from '@ptp/api/runtime-config';
import { ApiError } from '@ptp/api/shared';
import type { PaperTradingStatus } from '@ptp/contracts';
import { merge, type Subscription } from 'rxjs';
import { map } from 'rxjs/operators';
import { KeyedSerialQueue } from '../desk/keyed-serial-queue';
import type { Valuation } from '../desk/portfolio-view';
import { TradingDesks } from '../desk/trading-desks.service';
import { AccountFence } from '../ownership/account-fence.service';
import { RedisAccountViews } from './redis-account-views';

/** The status of an owned account from its valuation: the sessions service knows its session. */
export type StatusOf = (accountId: string, valuation: Valuation) => PaperTradingStatus | undefined;

/**
 * In a cluster, the owner of an account publishes the account's view (status, portfolio, risk,
 * open positions, as its engine has them) to Redis whenever it may have changed: after every task
 * in the account's queue (ticks, orders, starts and stops, resets, takeovers), every price mark and
 * every config change. A burst of changes publishes once; publishes of an account go out in order.
 * Alone, a process answers from its memory and publishes nothing.
 */
@Injectable()
export class AccountViewPublisher implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger(AccountViewPublisher.name);
  private readonly queue = new KeyedSerialQueue();
  /** Publishes queued and not started: a new change of their account needs no second one. */
  private readonly pending = new Map<string, Promise<void>>();
  private statusOf: StatusOf | null = null;
  private subscription: Subscription | null = null;

  constructor(
    private readonly desks: TradingDesks,
    private readonly fence: AccountFence,
    private readonly runtime: RuntimeConfigService,
    @Inject(RedisAccountViews) private readonly views: RedisAccountViews | null,
  ) {}

  onModuleInit(): void {
    if (!this.views) return;
    this.subscription = merge(
      this.desks.changed$,
      this.runtime.changes$.pipe(map((change) => change.accountId)),
    ).subscribe((accountId) => void this.changed(accountId));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.views?.close();
  }

  /** How an owned account's status is told (registered by the sessions service). */
  describeWith(statusOf: StatusOf): void {
    this.statusOf = statusOf;
  }

  /**
   * The account's view may have changed here: publish it, if this instance owns the account.
   * Resolves once published (never rejects), so a command can answer after its effect is visible.
   */
  changed(accountId: string): Promise<void> {
    if (!this.views) return Promise.resolve();
    const queued = this.pending.get(accountId);
    if (queued) return queued;
    const publish = this.queue
      .run(accountId, () => {
        this.pending.delete(accountId);
        return this.publish(accountId);
      })
      .catch((error: unknown) => {
        // A deleted account has nothing left to show (and its view is gone with it).
        if (error instanceof ApiError && error.getStatus() === HttpStatus.NOT_FOUND) return;
        this.logger.warn(
          `could not publish the view of account ${accountId}: ${(error as Error).message}`,
        );
      });
    this.pending.set(accountId, publish);
    return publish;
  }

  /** Publishes again the views of these (owned) accounts that Redis no longer has. */
  async restore(accountIds: readonly string[]): Promise<void> {
    for (const accountId of (await this.views?.missing(accountIds)) ?? [])
      void this.changed(accountId);
  }

  private async publish(accountId: string): Promise<void> {
    const token = this.fence.token(accountId);
    // Until a takeover has settled the account has no owner to show; settling publishes it.
    if (token === null || !this.fence.owner(accountId) || !this.statusOf) return;
    const figures = await this.desks.figures(accountId);
    const status = figures && this.statusOf(accountId, figures.valuation);
    if (!figures || !status) return;
    await this.views?.publish(accountId, token, { ...figures, status });
  }
}
