import Redis from 'ioredis';
import type { ClusterSettings } from './cluster-settings';

/**
 * Takes the lease if it is free (or still names this instance, from before a restart) and draws
 * the next fencing token in the same step, so every lease ever granted has a larger token.
 */
const ACQUIRE = `
local holder = redis.call('get', KEYS[1])
if holder and holder ~= ARGV[1] then return nil end
redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
return redis.call('incr', KEYS[2])`;

/** Moves a fencing counter up to at least ARGV[1]; never down. */
const CATCH_UP = `
if (tonumber(redis.call('get', KEYS[1])) or 0) < tonumber(ARGV[1]) then redis.call('set', KEYS[1], ARGV[1]) end
return 1`;

/** Extends the lease only while this instance holds it. */
const RENEW = `
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0`;

/** Gives the lease up only if this instance holds it. */
const RELEASE = `
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0`;

/**
 * Account leases in Redis (`SET NX PX` with holder-checked renew and release), their fencing
 * counters (`INCR`), and the registry of live api instances (a sorted set of heartbeats).
 */
export class RedisLeases {
  private readonly redis: Redis;

  constructor(private readonly settings: ClusterSettings) {
    this.redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    // Failures surface as rejected commands; the URL (and any password) must not reach a log line.
    this.redis.on('error', () => undefined);
  }

  /** The fencing token of the new lease, or null when another instance holds it. */
  async acquire(accountId: string): Promise<number | null> {
    const token = await this.redis.eval(
      ACQUIRE,
      2,
      this.leaseKey(accountId),
      this.tokenKey(accountId),
      this.settings.instanceId,
      this.settings.leaseTtlMs,
    );
    return token === null ? null : Number(token);
  }

  /** Renews the leases this instance holds; answers the ones it no longer holds. */
  async renew(accountIds: readonly string[]): Promise<string[]> {
    const batch = this.redis.multi();
    for (const accountId of accountIds)
      batch.eval(
        RENEW,
        1,
        this.leaseKey(accountId),
        this.settings.instanceId,
        this.settings.leaseTtlMs,
      );
    const results = (await batch.exec()) ?? [];
    return accountIds.filter((_, i) => {
      const [error, renewed] = results[i] ?? [new Error('no reply'), 0];
      return error !== null || Number(renewed) !== 1;
    });
  }

  /**
   * Brings the account's fencing counter up to a token the database has already seen: Redis keeps
   * nothing on disk, so after a restart its counters start again below the fences.
   */
  async catchUp(accountId: string, token: number): Promise<void> {
    await this.redis.eval(CATCH_UP, 1, this.tokenKey(accountId), token);
  }

  async release(accountId: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.leaseKey(accountId), this.settings.instanceId);
  }

  /** Which instance holds the account's lease now, if any. */
  holder(accountId: string): Promise<string | null> {
    return this.redis.get(this.leaseKey(accountId));
  }

  async holders(accountIds: readonly string[]): Promise<(string | null)[]> {
    if (accountIds.length === 0) return [];
    return this.redis.mget(accountIds.map((id) => this.leaseKey(id)));
  }

  /** Says this instance is alive and answers how many are (itself included). */
  async heartbeat(): Promise<number> {
    const now = Date.now();
    const key = `${this.settings.namespace}instances`;
    const [, , [, live] = [null, 1]] =
      (await this.redis
        .multi()
        .zadd(key, now, this.settings.instanceId)
        .zremrangebyscore(key, '-inf', now - this.settings.leaseTtlMs)
        .zcard(key)
        .exec()) ?? [];
    return Math.max(1, Number(live));
  }

  /** Leaves the registry at once, so the others count one instance less for balancing. */
  async leave(): Promise<void> {
    await this.redis.zrem(`${this.settings.namespace}instances`, this.settings.instanceId);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private leaseKey(accountId: string): string {
    return `${this.settings.namespace}lease:${accountId}`;
  }

  private tokenKey(accountId: string): string {
    return `${this.settings.namespace}fence:${accountId}`;
  }
}
