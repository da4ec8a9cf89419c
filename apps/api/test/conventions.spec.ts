import request from 'supertest';
import { DASHBOARD_STUB_HTML, startTestApp, type TestApp } from './test-app';

describe('API conventions (real HTTP, real SQLite file)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(() => t.close());

  it('wraps success responses in the envelope', async () => {
    const res = await request(t.app.getHttpServer()).get('/health').expect(200);
    expect(res.body).toEqual({
      status: 'success',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: expect.objectContaining({ status: 'ok' }),
      metadata: {
        execution_time_ms: expect.any(Number),
        version: expect.any(String),
        request_id: expect.any(String),
      },
    });
    expect(res.headers['x-request-id']).toBe(res.body.metadata.request_id);
    expect(res.body.data.details).toEqual(
      expect.objectContaining({
        database: expect.objectContaining({ status: 'up' }),
        disk: expect.objectContaining({
          status: 'up',
          freeBytes: expect.any(Number),
          totalBytes: expect.any(Number),
        }),
        memory_heap: expect.objectContaining({
          status: 'up',
          usedBytes: expect.any(Number),
          limitBytes: expect.any(Number),
        }),
        memory_rss: expect.objectContaining({
          status: 'up',
          usedBytes: expect.any(Number),
          limitBytes: expect.any(Number),
        }),
      }),
    );
    expect(res.body.data.details.disk.freeBytes).toBeLessThanOrEqual(
      res.body.data.details.disk.totalBytes,
    );
    expect(res.body.data).toMatchObject({
      uptimeSec: expect.any(Number),
      version: expect.any(String),
    });
  });

  it('answers invalid JSON with 400 INVALID_JSON in the envelope', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/paper-trading/start')
      .set('content-type', 'application/json')
      .send('{"strategy": ')
      .expect(400);
    expect(res.body).toMatchObject({
      status: 'error',
      data: null,
      error: { code: 'INVALID_JSON' },
    });
    expect(res.body.metadata.request_id).toEqual(expect.any(String));
  });

  it('answers invalid JSON with 400 on every POST route, API and seed paths alike', async () => {
    for (const path of [
      '/api/accounts',
      '/api/backtests',
      '/paper-trading/stop',
      '/api/portfolio/reset',
    ]) {
      const res = await request(t.app.getHttpServer())
        .post(path)
        .set('content-type', 'application/json')
        .send('{bad')
        .expect(400);
      expect(res.body.error.code).toBe('INVALID_JSON');
    }
  });

  it('serves the dashboard at / and for its client-side routes', async () => {
    expect((await request(t.app.getHttpServer()).get('/').expect(200)).text).toBe(
      DASHBOARD_STUB_HTML,
    );
    expect((await request(t.app.getHttpServer()).get('/system').expect(200)).text).toBe(
      DASHBOARD_STUB_HTML,
    );
  });

  it('answers a too-large body with 413 in the envelope', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) });
    const res = await request(t.app.getHttpServer())
      .post('/paper-trading/start')
      .set('content-type', 'application/json')
      .send(big)
      .expect(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers unknown API routes with a 404 envelope', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/does-not-exist').expect(404);
    expect(res.body).toMatchObject({ status: 'error', error: { code: 'NOT_FOUND' } });
  });

  it('publishes OpenAPI and Swagger UI', async () => {
    const spec = await request(t.app.getHttpServer()).get('/api/openapi.json').expect(200);
    expect(spec.body.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.body.paths)).toContain('/health');
    await request(t.app.getHttpServer())
      .get('/api/docs')
      .expect(200)
      .expect('content-type', /html/);
  });

  it('sets security headers and no CORS by default', async () => {
    const res = await request(t.app.getHttpServer())
      .get('/health/live')
      .set('Origin', 'http://evil.example')
      .expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('reports liveness and readiness', async () => {
    await request(t.app.getHttpServer()).get('/health/live').expect(200);
    const ready = await request(t.app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body.data.details.database.status).toBe('up');
  });
});

describe('rate limiting', () => {
  let t: TestApp;

  beforeAll(async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'ptp-rl-'));
    writeFileSync(
      join(dir, 'platform.json'),
      JSON.stringify({ server: { rateLimit: { ttlSec: 60, limit: 3 } } }),
    );
    t = await startTestApp({ PLATFORM_CONFIG: join(dir, 'platform.json') }, dir);
  });

  afterAll(() => t.close());

  it('answers 429 in the envelope once the limit is used up', async () => {
    for (let i = 0; i < 3; i++)
      await request(t.app.getHttpServer()).get('/api/strategies').expect(200);
    const res = await request(t.app.getHttpServer()).get('/api/strategies').expect(429);
    expect(res.body).toMatchObject({ status: 'error', error: { code: 'RATE_LIMITED' } });
  });
});
