import request from 'supertest';
import { startTestApp, type TestApp } from './test-app';

describe('GET /api/chart-data (real HTTP, real SQLite file)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(() => t.close());

  it('sends an ETag, answers a matching If-None-Match with 304 and since= with only what is new', async () => {
    const full = await http().get('/api/chart-data').expect(200);
    const etag = full.headers['etag'] as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(full.body.data).toMatchObject({
      accountId: 'default',
      incremental: false,
      startingCapital: 500,
      benchmarkSymbol: 'SPY',
    });
    expect(full.body.data.symbols).toEqual(expect.arrayContaining(['AAPL', 'SPY']));
    expect(full.body.data.prices['SPY'].length).toBeGreaterThan(10);

    // Nothing new between two polls → 304 with no body. The market may close a bar in between, so try a few times.
    let sawNotModified = false;
    for (let attempt = 0; attempt < 5 && !sawNotModified; attempt++) {
      const fresh = await http().get('/api/chart-data').expect(200);
      const again = await http()
        .get('/api/chart-data')
        .set('If-None-Match', fresh.headers['etag'] as string);
      sawNotModified = again.status === 304;
      if (sawNotModified) expect(again.text).toBe('');
    }
    expect(sawNotModified).toBe(true);
    expect(
      (await http().get('/api/chart-data').set('If-None-Match', 'W/"something-else"').expect(200))
        .body.data.incremental,
    ).toBe(false);

    const asOf = full.body.data.asOf as number;
    const increment = await http().get('/api/chart-data').query({ since: asOf }).expect(200);
    expect(increment.body.data.incremental).toBe(true);
    expect(increment.headers['etag']).not.toBe(etag);
    const before = full.body.data.prices as Record<string, { time: number }[]>;
    for (const [symbol, points] of Object.entries(
      increment.body.data.prices as Record<string, { time: number }[]>,
    )) {
      const lastBefore = before[symbol]?.[before[symbol].length - 1]?.time ?? 0;
      for (const point of points) expect(point.time).toBeGreaterThan(lastBefore);
    }
  });

  it('rejects bad parameters and unknown accounts', async () => {
    expect(
      (await http().get('/api/chart-data').query({ since: 'yesterday' }).expect(400)).body.error
        .code,
    ).toBe('VALIDATION_FAILED');
    expect(
      (await http().get('/api/chart-data').query({ accountId: 'ghost' }).expect(404)).body.error
        .code,
    ).toBe('ACCOUNT_NOT_FOUND');
  });
});
