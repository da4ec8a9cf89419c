import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { ORCL_FILE } from './backtests.helpers';
import { DASHBOARD_STUB_HTML, useTestApp, type TestApp } from './test-app';

const EVIL = 'https://evil.example';

function portOf(t: TestApp): number {
  return (t.app.getHttpServer().address() as AddressInfo).port;
}

function expectSecurityHeaders(headers: Record<string, string>): void {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['x-frame-options']).toBe('SAMEORIGIN');
}

describe('the perimeter (real HTTP)', () => {
  const app = useTestApp();
  const http = () => request(app().app.getHttpServer());
  const sameOrigin = () => `http://127.0.0.1:${portOf(app())}`;
  const accountNames = async () =>
    ((await http().get('/api/accounts').expect(200)).body.data as { name: string }[]).map(
      (account) => account.name,
    );
  const sessionState = async () =>
    (await http().get('/paper-trading/status').expect(200)).body.data.state as string;

  describe('cross-site requests', () => {
    it('refuses a form-encoded stop from another origin, and without Origin, leaving the session running', async () => {
      await http()
        .post('/paper-trading/start')
        .send({ symbols: ['SPY'] })
        .expect(200);
      try {
        const forged = await http()
          .post('/paper-trading/stop')
          .set('Origin', EVIL)
          .type('form')
          .send('accountId=default')
          .expect(403);
        expect(forged.body).toMatchObject({
          status: 'error',
          error: { code: 'CROSS_SITE_REQUEST' },
        });
        const noOrigin = await http()
          .post('/paper-trading/stop')
          .type('form')
          .send('accountId=default')
          .expect(415);
        expect(noOrigin.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
        expect(await sessionState()).toBe('running');
      } finally {
        await http().post('/paper-trading/stop').send({}).expect(200);
      }
      expect(await sessionState()).toBe('idle');
    });

    it('refuses a form-encoded account creation and creates nothing', async () => {
      const before = await accountNames();
      const forged = await http()
        .post('/api/accounts')
        .set('Origin', EVIL)
        .type('form')
        .send('name=Forged')
        .expect(403);
      expect(forged.body.error.code).toBe('CROSS_SITE_REQUEST');
      const plain = await http()
        .post('/api/accounts')
        .set('Content-Type', 'text/plain')
        .send('{"name":"Forged"}')
        .expect(415);
      expect(plain.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await accountNames()).toEqual(before);
      expect(before).not.toContain('Forged');
    });

    it('refuses a JSON POST from another origin or marked cross-site by the browser', async () => {
      const before = await accountNames();
      const evil = await http().post('/api/accounts').set('Origin', EVIL).send({ name: 'Evil' });
      expect([evil.status, evil.body.error?.code]).toEqual([403, 'CROSS_SITE_REQUEST']);
      const opaque = await http()
        .post('/api/accounts')
        .set('Origin', 'null')
        .send({ name: 'Null' });
      expect([opaque.status, opaque.body.error?.code]).toEqual([403, 'CROSS_SITE_REQUEST']);
      const fetched = await http()
        .post('/api/accounts')
        .set('Sec-Fetch-Site', 'cross-site')
        .send({ name: 'Fetched' });
      expect([fetched.status, fetched.body.error?.code]).toEqual([403, 'CROSS_SITE_REQUEST']);
      expect(await accountNames()).toEqual(before);
    });

    it('allows same-origin and Origin-less JSON requests, and a bodiless POST', async () => {
      await http()
        .post('/api/accounts')
        .set('Origin', sameOrigin())
        .set('Sec-Fetch-Site', 'same-origin')
        .send({ name: 'Same origin' })
        .expect(201);
      await http().post('/api/accounts').send({ name: 'No origin' }).expect(201);
      await http().post('/paper-trading/start').set('Origin', sameOrigin()).expect(200);
      await http().post('/paper-trading/stop').set('Content-Length', '0').expect(200);
      expect(await sessionState()).toBe('idle');
      expect(await accountNames()).toEqual(expect.arrayContaining(['Same origin', 'No origin']));
    });

    it('refuses a multipart upload from another origin and queues nothing', async () => {
      const upload = await http()
        .post('/api/backtests/upload')
        .set('Origin', EVIL)
        .attach('file', ORCL_FILE, 'orcl.csv')
        .field('request', JSON.stringify({ strategy: 'ma-crossover' }));
      expect([upload.status, upload.body.error?.code]).toEqual([403, 'CROSS_SITE_REQUEST']);
      const elsewhere = await http()
        .post('/api/accounts')
        .attach('file', ORCL_FILE, 'orcl.csv')
        .field('name', 'Multipart');
      expect([elsewhere.status, elsewhere.body.error?.code]).toEqual([
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ]);
      expect((await http().get('/api/backtests').expect(200)).body.data.items).toEqual([]);
    });
  });

  describe('the Host allow-list', () => {
    it.each(['/api/accounts', '/', '/health/live'])(
      'refuses a rebinding Host on %s',
      async (path) => {
        const response = await http().get(path).set('Host', 'rebind.attacker.example').expect(403);
        expect(response.body).toMatchObject({
          status: 'error',
          error: { code: 'HOST_NOT_ALLOWED' },
        });
        expect(response.text).not.toContain(DASHBOARD_STUB_HTML);
        expectSecurityHeaders(response.headers);
      },
    );

    it('serves the loopback names on the serving port and refuses them on another', async () => {
      const port = portOf(app());
      await http().get('/api/accounts').set('Host', `localhost:${port}`).expect(200);
      await http().get('/api/accounts').set('Host', `LOCALHOST:${port}`).expect(200);
      const dashboard = await http().get('/').set('Host', `localhost:${port}`).expect(200);
      expect(dashboard.text).toBe(DASHBOARD_STUB_HTML);
      const wrongPort = await http()
        .get('/api/accounts')
        .set('Host', `localhost:${port + 1}`)
        .expect(403);
      expect(wrongPort.body.error.code).toBe('HOST_NOT_ALLOWED');
      await http().get('/api/accounts').set('Host', 'paper.example.com').expect(403);
    });
  });

  describe('security headers on refusals and parser errors', () => {
    it('are on a 415 and on an INVALID_JSON 400', async () => {
      const unsupported = await http()
        .post('/api/accounts')
        .type('form')
        .send('name=x')
        .expect(415);
      expectSecurityHeaders(unsupported.headers);
      const invalid = await http()
        .post('/api/accounts')
        .set('Content-Type', 'application/json')
        .send('{"name":')
        .expect(400);
      expect(invalid.body.error.code).toBe('INVALID_JSON');
      expectSecurityHeaders(invalid.headers);
    });
  });
});

describe('the perimeter with ALLOWED_HOSTS=paper.example.com', () => {
  const app = useTestApp({ ALLOWED_HOSTS: 'paper.example.com' });
  const http = () => request(app().app.getHttpServer());

  it('serves the listed name, and lets its own origin change state', async () => {
    await http().get('/api/accounts').set('Host', 'paper.example.com').expect(200);
    await http().get('/').set('Host', 'Paper.Example.com:443').expect(200);
    await http()
      .post('/api/accounts')
      .set('Host', 'paper.example.com')
      .set('Origin', 'http://paper.example.com')
      .send({ name: 'Behind a proxy' })
      .expect(201);
    const other = await http()
      .post('/api/accounts')
      .set('Host', 'paper.example.com')
      .set('Origin', `http://127.0.0.1:${portOf(app())}`)
      .send({ name: 'Other origin' });
    expect([other.status, other.body.error?.code]).toEqual([403, 'CROSS_SITE_REQUEST']);
    await http().get('/api/accounts').set('Host', 'rebind.attacker.example').expect(403);
  });
});
