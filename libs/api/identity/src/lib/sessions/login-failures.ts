import type { OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import {
  backoffMs,
  FORGET_AFTER_MS,
  FREE_FAILURES,
  failureKeys,
  LoginThrottle,
} from './login-throttle';

/**
 * Where failed logins are counted: in this process (one instance), or in Redis (REDIS_URL), so an
 * attacker spreading guesses over the instances behind a load balancer meets one backoff.
 */
export abstract class LoginFailures {
  /** Seconds to wait before the next attempt may be checked at all; 0 when it may. */
  abstract retryAfterSec(userName: string, client: string | null): Promise<number>;
  abstract failed(userName: string, client: string | null): Promise<void>;
  /** Clears the user's count, not the client's. */
  abstract succeeded(userName: string): Promise<void>;
}

export class MemoryLoginFailures extends LoginFailures {
  private readonly throttle = new LoginThrottle();

  async retryAfterSec(userName: string, client: string | null): Promise<number> {
    return this.throttle.retryAfterSec(userName, client);
  }

  async failed(userName: string, client: string | null): Promise<void> {
    this.throttle.failed(userName, client);
  }

  async succeeded(userName: string): Promise<void> {
    this.throttle.succeeded(userName);
  }
}

/** After the platform's Redis prefix: failure counts (`…:n`) and the waits they impose (`…:wait`). */
export const REDIS_LOGIN_FAILURES_KEY = 'auth:failures:';

/**
 * Each key's count lives as long as failures keep coming (its TTL restarts with each, like the
 * in-memory hour), and the wait is a key of its own whose TTL is the wait: no clock is compared
 * across instances.
 */
export class RedisLoginFailures extends LoginFailures implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    super();
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    // Failures surface as rejected logins; the URL (and any password in it) must stay out of logs.
    this.redis.on('error', () => undefined);
  }

  async retryAfterSec(userName: string, client: string | null): Promise<number> {
    const batch = this.redis.multi();
    for (const key of failureKeys(userName, client)) batch.pttl(this.key(key, 'wait'));
    const waits = ((await batch.exec()) ?? []).map(([, ms]) => Number(ms));
    return Math.max(0, Math.ceil(Math.max(0, ...waits) / 1000));
  }

  async failed(userName: string, client: string | null): Promise<void> {
    const keys = failureKeys(userName, client);
    const counting = this.redis.multi();
    for (const key of keys)
      counting.incr(this.key(key, 'n')).pexpire(this.key(key, 'n'), FORGET_AFTER_MS);
    const replies = (await counting.exec()) ?? [];
    const waiting = this.redis.multi();
    keys.forEach((key, index) => {
      const wait = backoffMs(Number(replies[index * 2]?.[1]), FREE_FAILURES[index]);
      if (wait > 0) waiting.set(this.key(key, 'wait'), '1', 'PX', wait);
    });
    await waiting.exec();
  }

  async succeeded(userName: string): Promise<void> {
    const [user] = failureKeys(userName, null);
    await this.redis.del(this.key(user, 'n'), this.key(user, 'wait'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private key(name: string, part: 'n' | 'wait'): string {
    return `${this.prefix}${REDIS_LOGIN_FAILURES_KEY}${name}:${part}`;
  }
}
