import type { OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { type LoginRecord, LoginSessionStore } from './login-session-store';

export const REDIS_SESSION_PREFIX = 'ptp:auth:login:';

/** Logins in Redis with the login's own expiry as the key's TTL, so every instance sees them. */
export class RedisSessionStore extends LoginSessionStore implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(url: string) {
    super();
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    // Failures surface as rejected commands (the request fails, nobody is let in); the URL, and any
    // password in it, must not reach a log line through an 'error' event.
    this.redis.on('error', () => undefined);
  }

  async save(id: string, record: LoginRecord): Promise<void> {
    const ttlMs = Math.max(1, record.expiresAt - Date.now());
    await this.redis.set(REDIS_SESSION_PREFIX + id, JSON.stringify(record), 'PX', ttlMs);
  }

  async find(id: string): Promise<LoginRecord | null> {
    const value = await this.redis.get(REDIS_SESSION_PREFIX + id);
    return value ? (JSON.parse(value) as LoginRecord) : null;
  }

  async remove(id: string): Promise<void> {
    await this.redis.del(REDIS_SESSION_PREFIX + id);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
