import type { OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { type LoginRecord, LoginSessionStore } from './login-session-store';

/** After the platform's Redis prefix (REDIS_PREFIX, default `ptp:`). */
export const REDIS_SESSION_KEY = 'auth:login:';

/** Logins in Redis with the login's own expiry as the key's TTL, so every instance sees them. */
export class RedisSessionStore extends LoginSessionStore implements OnApplicationShutdown {
  private readonly redis: Redis;

  private readonly prefix: string;

  constructor(url: string, redisPrefix: string) {
    super();
    this.prefix = redisPrefix + REDIS_SESSION_KEY;
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    // Failures surface as rejected commands (the request fails, nobody is let in); the URL, and any
    // password in it, must not reach a log line through an 'error' event.
    this.redis.on('error', () => undefined);
  }

  async save(id: string, record: LoginRecord): Promise<void> {
    const ttlMs = Math.max(1, record.expiresAt - Date.now());
    await this.redis.set(this.prefix + id, JSON.stringify(record), 'PX', ttlMs);
  }

  async find(id: string): Promise<LoginRecord | null> {
    const value = await this.redis.get(this.prefix + id);
    return value ? (JSON.parse(value) as LoginRecord) : null;
  }

  async remove(id: string): Promise<void> {
    await this.redis.del(this.prefix + id);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
