import Redis from 'ioredis';

export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * Redis db 0 is the one single-process tests share (with key prefixes); these are handed out to
 * tests whose apps run BullMQ workers, which would otherwise take each other's jobs.
 */
const REDIS_DBS = Array.from({ length: 15 }, (_, i) => i + 1);
const REDIS_CLAIM_PREFIX = 'ptp:test:redis-db:';
const REDIS_CLAIM_TTL_S = 3_600;

/** `url` with another path: a PostgreSQL database name, or a Redis db number. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A Redis db index of our own for this file's processes, so its keys meet nobody else's. */
export async function claimRedisDb(token: string): Promise<number> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    for (const db of REDIS_DBS) {
      const key = REDIS_CLAIM_PREFIX + db;
      if ((await redis.set(key, token, 'EX', REDIS_CLAIM_TTL_S, 'NX')) !== 'OK') continue;
      // Whatever a crashed run left behind.
      await redis.select(db);
      await redis.flushdb();
      return db;
    }
    throw new Error(
      `all ${REDIS_DBS.length} test Redis dbs are claimed (keys ${REDIS_CLAIM_PREFIX}*)`,
    );
  } finally {
    redis.disconnect();
  }
}

export async function releaseRedisDb(db: number, token: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    await redis.select(db);
    await redis.flushdb();
    await redis.select(0);
    if ((await redis.get(REDIS_CLAIM_PREFIX + db)) === token)
      await redis.del(REDIS_CLAIM_PREFIX + db);
  } finally {
    redis.disconnect();
  }
}
