import type { OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';

/** After the platform's Redis prefix: the rate limiter's hit counters and blocks. */
export const REDIS_THROTTLE_KEY = 'throttle:';

/**
 * Rate-limit counters in Redis (REDIS_URL), so a limit holds across every instance behind the load
 * balancer instead of once per process. `@nest-lab/throttler-storage-redis` does the counting (one
 * Lua script a request); this puts its keys under the platform's prefix.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly counters: ThrottlerStorageRedisService;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    // Failures surface as rejected requests; the URL (and any password in it) must stay out of logs.
    this.redis.on('error', () => undefined);
    this.counters = new ThrottlerStorageRedisService(this.redis);
  }

  increment(key: string, ttl: number, limit: number, blockDuration: number, name: string) {
    return this.counters.increment(
      this.prefix + REDIS_THROTTLE_KEY + key,
      ttl,
      limit,
      blockDuration,
      name,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
