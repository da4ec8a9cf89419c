import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AccountEntity } from '@ptp/api/persistence';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { AccountViewPublisher } from '../account-views/account-view-publisher.service';
import { TradingDesks } from '../desk/trading-desks.service';
import { TradingSessionsService } from '../sessions/trading-sessions.service';
import { AccountFence } from './account-fence.service';
import { CLUSTER_SETTINGS, type ClusterSettings } from './cluster-settings';
import { RedisLeases } from './redis-leases';

/**
 * Which accounts this process trades. Alone, all of them, from start-up on. In a cluster, the ones
 * it holds leases on: every scan it heartbeats, renews its leases (dropping at once any it lost),
 * and takes unowned accounts up to its share, ceil(accounts / live instances), handing extras back
 * gracefully. Taking an account raises its fence, then loads its desk, resumes its session from
 * the database and publishes its view; losing one stops its ticks and drops its desk.
 */
@Injectable()
export class AccountOwnership
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(AccountOwnership.name);
  /** When each held lease was last confirmed by Redis: unconfirmed for a TTL, it is gone. */
  private readonly confirmed = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private lastRenewal = 0;
  private fencedOff: Subscription | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly desks: TradingDesks,
    private readonly sessions: TradingSessionsService,
    private readonly fence: AccountFence,
    private readonly views: AccountViewPublisher,
    @Inject(CLUSTER_SETTINGS) private readonly cluster: ClusterSettings | null,
    @Inject(RedisLeases) private readonly leases: RedisLeases | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.desks.startFeeds();
    this.fencedOff = this.fence.lost$.subscribe((accountId) => {
      void this.lose(accountId, 'a newer owner fenced it off').catch(() => undefined);
    });
    if (!this.cluster) {
      const accountIds = await this.accountIds();
      for (const accountId of accountIds) await this.desks.load(accountId);
      for (const accountId of accountIds) await this.sessions.resume(accountId);
      return;
    }
    await this.scan();
    this.timer = setInterval(() => {
      this.round ??= this.scan()
        .catch((error: unknown) =>
          this.logger.error(`ownership scan failed: ${(error as Error).message}`),
        )
        .finally(() => (this.round = null));
    }, this.cluster.scanEveryMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.fencedOff?.unsubscribe();
    await this.round;
    if (!this.leases) return;
    for (const accountId of this.fence.heldAccountIds()) await this.handBack(accountId);
    await this.leases.leave().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.leases?.close();
  }

  private async scan(): Promise<void> {
    const cluster = this.cluster as ClusterSettings;
    const leases = this.leases as RedisLeases;
    const live = await leases.heartbeat();
    await this.renew(cluster, leases);
    const accountIds = await this.accountIds();
    const existing = new Set(accountIds);
    for (const accountId of this.fence.heldAccountIds())
      if (!existing.has(accountId)) await this.handBack(accountId);
    const share = Math.ceil(accountIds.length / live);
    const held = this.fence.heldAccountIds().sort();
    for (const accountId of held.slice(share)) await this.handBack(accountId);
    if (held.length >= share) return;
    const holders = await leases.holders(accountIds);
    for (const [i, accountId] of accountIds.entries()) {
      if (this.fence.heldAccountIds().length >= share) break;
      const holder = holders[i];
      if (this.fence.holds(accountId) || (holder !== null && holder !== cluster.instanceId))
        continue;
      const token = await leases.acquire(accountId);
      if (token !== null) await this.take(accountId, token, leases);
    }
  }

  private async renew(cluster: ClusterSettings, leases: RedisLeases): Promise<void> {
    const now = Date.now();
    if (now - this.lastRenewal < cluster.renewEveryMs) return;
    const held = this.fence.heldAccountIds();
    try {
      const lost = new Set(await leases.renew(held));
      this.lastRenewal = now;
      for (const accountId of held) {
        if (lost.has(accountId)) await this.lose(accountId, 'its lease was lost');
        else this.confirmed.set(accountId, now);
      }
      // Redis is a cache of the owners' state: a view it lost (emptied, restarted) comes back.
      await this.views.restore(this.fence.heldAccountIds()).catch(() => undefined);
    } catch (error) {
      this.logger.warn(`renewing account leases failed: ${(error as Error).message}`);
      for (const accountId of held)
        if (now - (this.confirmed.get(accountId) ?? 0) >= cluster.leaseTtlMs)
          await this.lose(accountId, 'its lease could not be renewed');
    }
  }

  /** A fresh lease: fence first, so no former owner writes after this, then load and resume. */
  private async take(accountId: string, token: number, leases: RedisLeases): Promise<void> {
    if (!(await this.fence.raise(accountId, token))) {
      // A newer owner, or a counter Redis lost: the next lease draws a token above the fence.
      const stored = await this.fence.storedToken(accountId);
      if (stored !== null && stored >= token) await leases.catchUp(accountId, stored);
      await leases.release(accountId);
      return;
    }
    this.confirmed.set(accountId, Date.now());
    try {
      await this.desks.load(accountId);
      await this.sessions.resume(accountId);
      this.fence.settle(accountId);
      // The view now names this instance as the owner, since now.
      void this.views.changed(accountId);
      this.logger.log(`took account ${accountId} over (fencing token ${token})`);
    } catch (error) {
      this.logger.error(`could not take account ${accountId}: ${(error as Error).message}`);
      await this.handBack(accountId);
    }
  }

  /** Lost: nothing of the account may be written from now on, and its ticks stop. */
  private async lose(accountId: string, why: string): Promise<void> {
    this.fence.drop(accountId);
    this.confirmed.delete(accountId);
    await this.sessions.detach(accountId);
    this.desks.drop(accountId);
    this.logger.warn(`dropped account ${accountId}: ${why}`);
  }

  /** Given up on purpose: its ticks stop, its queued work finishes, then the lease goes. */
  private async handBack(accountId: string): Promise<void> {
    await this.sessions.detach(accountId);
    await this.desks.exclusive(accountId, async () => {
      this.fence.drop(accountId);
      this.desks.drop(accountId);
    });
    this.confirmed.delete(accountId);
    await this.leases?.release(accountId).catch(() => undefined);
  }

  private async accountIds(): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(AccountEntity)
      .find({ select: { id: true }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((row) => row.id);
  }
}
