import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { login, useAuthApp } from './identity.helpers';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const describeRedis = process.env['PTP_SKIP_REDIS'] === '1' ? describe.skip : describe;

describeRedis('dashboard logins stored in Redis (REDIS_URL set; real Redis)', () => {
  const app = useAuthApp({ REDIS_URL });
  const http = () => request(app().app.getHttpServer());
  const redis = new Redis(REDIS_URL);
  afterAll(() => redis.quit());
  const keyOf = (cookie: string) =>
    `ptp:auth:login:${createHash('sha256').update(cookie.split('=')[1]).digest('hex')}`;

  it('keeps the login in Redis with its expiry as TTL, not in the database, and ends it on logout', async () => {
    const cookie = await login(app(), 'alice');
    const ttl = await redis.pttl(keyOf(cookie));
    expect(ttl).toBeGreaterThan(11 * 3600_000);
    expect(ttl).toBeLessThanOrEqual(12 * 3600_000);
    expect(JSON.parse((await redis.get(keyOf(cookie))) ?? '{}')).toMatchObject({
      ip: expect.any(String),
    });
    const db = await new DataSource({
      type: 'sqlite',
      database: join(app().dataDir, 'paper-trading.sqlite'),
    }).initialize();
    try {
      expect(await db.query('SELECT COUNT(*) AS n FROM login_sessions')).toEqual([{ n: 0 }]);
    } finally {
      await db.destroy();
    }
    await http().get('/api/strategies').set('Cookie', cookie).expect(200);
    await http().post('/api/auth/logout').set('Cookie', cookie).send({}).expect(200);
    expect(await redis.exists(keyOf(cookie))).toBe(0);
    await http().get('/api/strategies').set('Cookie', cookie).expect(401);
  });

  it('treats a login whose key has gone (expired in Redis) as logged out', async () => {
    const cookie = await login(app(), 'bob');
    await redis.del(keyOf(cookie));
    await http().get('/api/strategies').set('Cookie', cookie).expect(401);
  });
});
