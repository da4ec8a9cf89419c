import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@ptp/api/shared';
import Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ClusterSettings } from '../ownership/cluster-settings';
import type { SharedAccountView } from './shared-account-view';

/**
 * Replaces the account's view (KEYS[1]) unless a newer owner (a larger fencing token) has already
 * written it: a paused former owner that wakes up cannot hide its successor's view. Each write
 * draws the view's next revision.
 */
const PUBLISH = `
local token = redis.call('hget', KEYS[1], 'token')
if token and tonumber(token) > tonumber(ARGV[1]) then return 0 end
local revision = redis.call('hincrby', KEYS[1], 'revision', 1)
redis.call('hset', KEYS[1], 'token', ARGV[1], 'view', ARGV[2])
return revision`;

/** Between two looks for an account's first view. */
const RETRY_MS = 250;

/**
 * The views of a cluster's accounts in Redis, a cache of what their owners persisted: per account
 * `<namespace>view:<id>`, a hash of the view's JSON, its revision and the fencing token of the
 * owner that wrote it. Owners write; every instance (owners included) reads.
 */
export class RedisAccountViews {
  private readonly redis: Redis;

  constructor(private readonly settings: ClusterSettings) {
    this.redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    // Failures surface as rejected commands; the URL (and any password) must not reach a log line.
    this.redis.on('error', () => undefined);
  }

  /** The view's new revision, or 0 when a newer owner's view is already there (nothing written). */
  async publish(accountId: string, token: number, view: SharedAccountView): Promise<number> {
    return Number(
      await this.redis.eval(PUBLISH, 1, this.key(accountId), token, JSON.stringify(view)),
    );
  }

  async read(accountId: string): Promise<SharedAccountView | undefined> {
    const view = await this.redis.hget(this.key(accountId), 'view');
    return view === null ? undefined : (JSON.parse(view) as SharedAccountView);
  }

  /**
   * The account's view; an account no owner has published yet (just created, or before the first
   * takeover) is waited for as long as a command waits for an owner, then answered 503.
   */
  async awaitView(accountId: string): Promise<SharedAccountView> {
    const deadline = Date.now() + this.settings.ownerWaitMs;
    for (;;) {
      const view = await this.read(accountId);
      if (view) return view;
      if (Date.now() >= deadline) break;
      await sleep(RETRY_MS);
    }
    throw new ApiError(
      HttpStatus.SERVICE_UNAVAILABLE,
      'ACCOUNT_OWNER_UNAVAILABLE',
      `No instance has taken account ${accountId} over yet; try again shortly.`,
      { accountId },
    );
  }

  /** The accounts among `accountIds` with no view in Redis (emptied, or restarted without its data). */
  async missing(accountIds: readonly string[]): Promise<string[]> {
    if (accountIds.length === 0) return [];
    const batch = this.redis.multi();
    for (const accountId of accountIds) batch.exists(this.key(accountId));
    const replies = (await batch.exec()) ?? [];
    return accountIds.filter((_, i) => replies[i]?.[1] === 0);
  }

  async drop(accountId: string): Promise<void> {
    await this.redis.del(this.key(accountId));
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private key(accountId: string): string {
    return `${this.settings.namespace}view:${accountId}`;
  }
}
