import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { login, PASSWORD, useAuthApp } from './identity.helpers';

/** A config file with a small general limit, so a test can reach it. */
function smallLimitConfig(limit: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ptp-limits-')), 'platform.json');
  writeFileSync(path, JSON.stringify({ server: { rateLimit: { ttlSec: 60, limit } } }));
  return path;
}

describe('rate limits per caller', () => {
  const app = useAuthApp({ PLATFORM_CONFIG: smallLimitConfig(20) });
  const http = () => request(app().app.getHttpServer());

  it('throttles a flood from one address without locking out a logged-in user there', async () => {
    const alice = await login(app(), 'alice');
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await http().get('/api/strategies')).status);
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    const limited = await http().get('/api/strategies').expect(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');

    // The dashboard's polling, as its logged-in user: its own bucket, untouched by the flood.
    for (let poll = 0; poll < 5; poll++)
      for (const path of ['/api/auth/me', '/api/strategies', '/api/market/status'])
        await http().get(path).set('Cookie', alice).expect(200);
  });

  it('never limits liveness or the dashboard’s static files', async () => {
    for (let i = 0; i < 30; i++) {
      await http().get('/health/live').expect(200);
      await http().get('/').expect(200);
    }
  });
});

describe('login throttling', () => {
  const app = useAuthApp();
  const http = () => request(app().app.getHttpServer());
  const attempt = (username: string, password: string) =>
    http().post('/api/auth/login').send({ username, password });

  it('makes a user wait, doubling, after five failures, and says how long; the wait then lets the right password in', async () => {
    for (let i = 0; i < 6; i++) await attempt('bob', 'wrong password').expect(401);
    const blocked = await attempt('bob', PASSWORD).expect(429);
    expect(blocked.body.error).toMatchObject({
      code: 'TOO_MANY_LOGIN_ATTEMPTS',
      details: { retryAfterSec: 1 },
    });
    expect(blocked.headers['retry-after']).toBe('1');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await attempt('bob', PASSWORD).expect(200);
  }, 30_000);

  it('gives logins a stricter bucket per client (10 a minute)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt(`someone-${i}`, 'guess')).status);
    expect(statuses).toEqual([401, 401, 429, 429]);
    const limited = await attempt('alice', PASSWORD).expect(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
  }, 30_000);
});
