import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import request from 'supertest';
import { dataDirWithUsers, PASSWORD } from './identity.helpers';
import { writePlatformConfig } from './market-data.helpers';
import { disposeTestApp, startTestApp, type TestApp } from './test-app';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const describeRedis = process.env['PTP_SKIP_REDIS'] === '1' ? describe.skip : describe;

/** Two API instances on one Redis (their own key prefix), logins required, a general limit of `limit`. */
function useTwoInstances(limit: number) {
  const prefix = `ptp-test:${randomUUID()}:`;
  const apps: TestApp[] = [];
  beforeAll(async () => {
    const { path } = writePlatformConfig('ptp-limits-', {
      server: { rateLimit: { ttlSec: 60, limit } },
    });
    const env = { AUTH_MODE: 'required', REDIS_URL, REDIS_PREFIX: prefix, PLATFORM_CONFIG: path };
    for (let i = 0; i < 2; i++) apps.push(await startTestApp(env, await dataDirWithUsers()));
  }, 120_000);
  afterAll(async () => {
    for (const app of apps) await disposeTestApp(app);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });
  return { prefix, http: (i: number) => request(apps[i].app.getHttpServer()) };
}

describeRedis('rate limits across instances (REDIS_URL set; real Redis)', () => {
  const { prefix, http } = useTwoInstances(10);

  it('counts one caller’s requests to two instances against one limit, in Redis', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await http(i % 2).get('/api/strategies')).status);
    // Per process it would be 7 each, under the limit; shared, the eleventh is refused wherever it lands.
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429, 429, 429]);
    const redis = new Redis(REDIS_URL);
    try {
      expect((await redis.keys(`{${prefix}throttle:*`)).length).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });
});

describeRedis('failed-login backoff across instances (REDIS_URL set; real Redis)', () => {
  const { prefix, http } = useTwoInstances(100);
  const attempt = (i: number, password: string) =>
    http(i).post('/api/auth/login').send({ username: 'bob', password });

  it('makes a user wait after five failures spread over two instances, on both', async () => {
    for (let i = 0; i < 6; i++) await attempt(i % 2, 'wrong password').expect(401);
    for (const i of [0, 1]) {
      const blocked = await attempt(i, PASSWORD).expect(429);
      expect(blocked.body.error.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
      expect(blocked.body.error.details.retryAfterSec).toBeGreaterThanOrEqual(1);
    }
    const redis = new Redis(REDIS_URL);
    try {
      expect(await redis.get(`${prefix}auth:failures:user:bob:n`)).toBe('6');
    } finally {
      redis.disconnect();
    }
    // Eight password checks (scrypt), slow on a loaded machine.
  }, 120_000);
});
