import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MarketBarsResponse, MarketQuote, MarketStatusResponse } from '@ptp/contracts';
// nestjs-pino keeps the first app's logger for lines outside a request (start-up, timers, sockets).
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import request from 'supertest';
import { PolygonMockServer } from '@ptp/tools/polygon-mock';
import { startTestApp, type TestApp } from './test-app';

/** Asks until the answer satisfies `done`; the bound only turns a hang into a readable failure. */
async function poll<T>(ask: () => Promise<T>, done: (answer: T) => boolean): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const answer = await ask();
    if (done(answer)) return answer;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the expected answer never came');
}

describe('market data REST on the simulated market (real HTTP, real SQLite file)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startTestApp({ SIMULATION_SPEED: '600' });
  });

  afterAll(() => t.close());

  it('serves quotes of many symbols in one call, each with asOf, source and staleness', async () => {
    const res = await http().get('/api/market/quotes?symbols=aapl,MSFT').expect(200);
    const quotes = res.body.data as MarketQuote[];
    expect(quotes.map((q) => q.symbol)).toEqual(['AAPL', 'MSFT']);
    for (const quote of quotes) {
      expect(quote).toEqual(expect.objectContaining({ source: 'simulated', stale: false, asOf: expect.any(Number), ageSec: expect.any(Number) }));
      expect(quote.bid).toBeLessThan(quote.price);
      expect(quote.ask).toBeGreaterThan(quote.price);
    }
  });

  it('answers an unknown symbol with 404 UNKNOWN_SYMBOL naming it, and bad input with 400', async () => {
    const unknown = await http().get('/api/market/quotes?symbols=AAPL,ZZZZQ').expect(404);
    expect(unknown.body.error).toEqual(expect.objectContaining({ code: 'UNKNOWN_SYMBOL', details: { symbols: ['ZZZZQ'] } }));
    const bars = await http().get('/api/market/bars?symbol=ZZZZQ').expect(404);
    expect(bars.body.error.code).toBe('UNKNOWN_SYMBOL');
    expect((await http().get('/api/market/quotes?symbols=AA$PL').expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await http().get('/api/market/quotes').expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    await http().get('/api/market/bars?symbol=AAPL&timespan=week').expect(400);
    await http().get('/api/market/bars?symbol=AAPL&from=yesterday').expect(400);
    expect((await http().get('/api/market/bars?symbol=AAPL&from=2025-06-03&to=2025-06-02').expect(400)).body.error.code).toBe('INVALID_RANGE');
  });

  it('serves the backfilled history as minute and hour bars', async () => {
    const minutes = (await http().get('/api/market/bars?symbol=SPY').expect(200)).body.data as MarketBarsResponse;
    expect(minutes.bars.length).toBeGreaterThanOrEqual(t.config.marketData.simulated.backfillBars);
    expect(minutes).toEqual(expect.objectContaining({ symbol: 'SPY', timespan: 'minute', source: 'simulated' }));
    const times = minutes.bars.map((b) => b.time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // A range of completed minutes only, so both answers cover the same bars while the market runs on.
    const range = `from=${minutes.bars[0].time}&to=${minutes.bars[minutes.bars.length - 1].time}`;
    const sameMinutes = (await http().get(`/api/market/bars?symbol=SPY&${range}`).expect(200)).body.data as MarketBarsResponse;
    const hours = (await http().get(`/api/market/bars?symbol=SPY&timespan=hour&${range}`).expect(200)).body.data as MarketBarsResponse;
    expect(hours.bars.length).toBeLessThan(sameMinutes.bars.length);
    expect(hours.bars.reduce((v, b) => v + b.volume, 0)).toBe(sameMinutes.bars.reduce((v, b) => v + b.volume, 0));
  });

  it('reports market status from the NYSE calendar with the provider and its state', async () => {
    const status = (await http().get('/api/market/status').expect(200)).body.data as MarketStatusResponse;
    expect(status).toEqual(expect.objectContaining({ open: true, alwaysOpen: true, clockRate: 600, provider: 'simulated', providerState: 'ok' }));
    expect(status.nextOpen).toBeGreaterThan(status.asOf);
    expect(status.nextClose).toBeGreaterThan(status.asOf);
  });

  it('shows the market-data provider state in /health', async () => {
    const res = await http().get('/health').expect(200);
    expect(res.body.data.details.market_data).toEqual(expect.objectContaining({ status: 'up', state: 'ok', provider: 'simulated', ageSec: expect.any(Number) }));
  });
});

describe('market data REST on Polygon data from the loopback mock', () => {
  const KEY = 'pk_live_3c9a71e04b5d46f8a2e1';
  let mock: PolygonMockServer;
  let configPath: string;

  beforeAll(async () => {
    mock = new PolygonMockServer({ apiKey: KEY });
    await mock.start();
    const dir = mkdtempSync(join(tmpdir(), 'ptp-polygon-'));
    configPath = join(dir, 'platform.json');
    // A paid plan's budget, so the test is not paced at 5 requests a minute.
    writeFileSync(configPath, JSON.stringify({ trading: { watchlist: ['AAPL', 'MSFT'] }, marketData: { polygon: { requestsPerMinute: 10_000, maxRetries: 1 } } }));
  });

  afterAll(() => mock.stop());

  it('serves Polygon quotes and bars, 404s unknown tickers and shows the provider state, never the key', async () => {
    const t = await startTestApp({ POLYGON_API_KEY: KEY, POLYGON_BASE_URL: mock.baseUrl, PLATFORM_CONFIG: configPath });
    try {
      const http = () => request(t.app.getHttpServer());
      const quotes = await http().get('/api/market/quotes?symbols=AAPL,MSFT').expect(200);
      expect(quotes.body.data.map((q: MarketQuote) => [q.symbol, q.source, q.stale])).toEqual([
        ['AAPL', 'polygon', false],
        ['MSFT', 'polygon', false],
      ]);
      expect((await http().get('/api/market/quotes?symbols=ZZZZQ').expect(404)).body.error.code).toBe('UNKNOWN_SYMBOL');
      const bars = await http().get('/api/market/bars?symbol=AAPL&timespan=day&from=2025-06-02&to=2025-06-06').expect(200);
      expect(bars.body.data.bars).toHaveLength(5);
      const status = (await http().get('/api/market/status').expect(200)).body.data as MarketStatusResponse;
      expect(status).toEqual(expect.objectContaining({ alwaysOpen: false, clockRate: 1, provider: 'polygon', providerState: 'ok' }));
      const health = await http().get('/health').expect(200);
      expect(health.body.data.details.market_data).toEqual(expect.objectContaining({ status: 'up', state: 'ok', provider: 'polygon' }));
      expect(mock.requests.every((r) => r.auth === 'bearer')).toBe(true);
      expect(JSON.stringify([quotes.body, bars.body, health.body])).not.toContain(KEY);
    } finally {
      await t.close();
    }
  });

  it('reports a rejected key as "key invalid or plan not entitled" in /health (503) without a 500 anywhere', async () => {
    const t = await startTestApp({ POLYGON_API_KEY: 'not-the-key-42', POLYGON_BASE_URL: mock.baseUrl, PLATFORM_CONFIG: configPath });
    try {
      const http = () => request(t.app.getHttpServer());
      const health = await http().get('/health').expect(503);
      expect(health.body.error.details.details.market_data).toEqual(expect.objectContaining({ status: 'down', state: 'unauthorized', message: 'market data key invalid or plan not entitled' }));
      const quotes = await http().get('/api/market/quotes?symbols=AAPL').expect(503);
      expect(quotes.body.error.code).toBe('MARKET_DATA_UNAVAILABLE');
      const bars = await http().get('/api/market/bars?symbol=AAPL').expect(503);
      expect(bars.body.error.code).toBe('MARKET_DATA_UNAUTHORIZED');
      expect(JSON.stringify([health.body, quotes.body, bars.body])).not.toContain('not-the-key-42');
    } finally {
      await t.close();
    }
  });

  it('reports degraded with stale prices while Polygon fails, and ok again once it recovers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptp-polygon-faults-'));
    const faultsConfig = join(dir, 'platform.json');
    writeFileSync(faultsConfig, JSON.stringify({ trading: { watchlist: ['AAPL'] }, marketData: { cacheTtlSec: 0, polygon: { requestsPerMinute: 10_000, maxRetries: 0 } } }));
    const t = await startTestApp({ POLYGON_API_KEY: KEY, POLYGON_BASE_URL: mock.baseUrl, PLATFORM_CONFIG: faultsConfig });
    try {
      const http = () => request(t.app.getHttpServer());
      const fresh = ((await http().get('/api/market/quotes?symbols=AAPL').expect(200)).body.data as MarketQuote[])[0];
      mock.inject({ kind: 'status', status: 502, path: '/v2/snapshot', times: 1_000 });
      const health = await http().get('/health').expect(200);
      expect(health.body.data.details.market_data).toEqual(expect.objectContaining({ status: 'up', state: 'degraded', staleSymbols: ['AAPL'], message: expect.stringContaining('HTTP 502') }));
      const served = ((await http().get('/api/market/quotes?symbols=AAPL').expect(200)).body.data as MarketQuote[])[0];
      expect(served).toEqual(expect.objectContaining({ price: fresh.price, stale: true }));
      expect((await http().get('/api/market/status').expect(200)).body.data.providerState).toBe('degraded');
      mock.clearFaults();
      expect((await http().get('/health').expect(200)).body.data.details.market_data).toEqual(expect.objectContaining({ state: 'ok', staleSymbols: [] }));
    } finally {
      await t.close();
    }
  });

  it('serves streamed trades as quotes at once, shows the stream in /health, and streams again after a drop', async () => {
    const t = await startTestApp({ POLYGON_API_KEY: KEY, POLYGON_BASE_URL: mock.baseUrl, POLYGON_WEBSOCKET: 'true', POLYGON_WEBSOCKET_URL: mock.websocketUrl, PLATFORM_CONFIG: configPath });
    try {
      const http = () => request(t.app.getHttpServer());
      const marketHealth = async () => (await http().get('/health')).body.data.details.market_data;
      await poll(marketHealth, (health) => health.stream === 'streaming');
      await poll(async () => mock.stream.subscriptions, (subs) => subs.length === 1 && ['T.AAPL', 'AM.AAPL', 'T.MSFT', 'AM.MSFT'].every((topic) => subs[0].includes(topic)));
      const polled = ((await http().get('/api/market/quotes?symbols=AAPL').expect(200)).body.data as MarketQuote[])[0];
      const snapshots = mock.count('/v2/snapshot');

      const streamedPrice = Math.round((polled.price + 0.37) * 100) / 100;
      mock.stream.trade('AAPL', streamedPrice);
      const quotes = async () => (await http().get('/api/market/quotes?symbols=AAPL').expect(200)).body.data as MarketQuote[];
      const [streamed] = await poll(quotes, ([quote]) => quote.price === streamedPrice);
      expect(streamed).toEqual(expect.objectContaining({ source: 'polygon', stale: false }));
      expect(mock.count('/v2/snapshot')).toBe(snapshots);

      mock.stream.dropAll();
      await poll(async () => mock.stream.connectionCount, (count) => count === 2);
      expect(await poll(marketHealth, (health) => health.stream === 'streaming')).toEqual(expect.objectContaining({ status: 'up', state: 'ok', provider: 'polygon' }));
      await poll(async () => mock.stream.subscriptions, (subs) => subs.length === 1 && subs[0].includes('T.AAPL') && subs[0].includes('AM.MSFT'));
      expect(mock.stream.received.filter((m) => m.action === 'auth').map((m) => m.params)).toEqual(['[key]', '[key]']);
    } finally {
      await t.close();
    }
  });
});

describe('no Polygon key in any log line of the running API', () => {
  const KEY = 'pk_secret_5e2b8c1d7f0a4e69';
  let mock: PolygonMockServer;

  beforeAll(() => {
    mock = new PolygonMockServer({ apiKey: KEY });
    return mock.start();
  });

  afterAll(() => mock.stop());

  it('keeps the key out of the logs through every fault class, at debug level', async () => {
    // Under jest, process.stdout is already wrapped, so pino writes to it (not straight to fd 1).
    const lines: string[] = [];
    const capture = (chunk: unknown) => {
      lines.push(...String(chunk).split('\n'));
      return true;
    };
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
    const dir = mkdtempSync(join(tmpdir(), 'ptp-logs-'));
    const configPath = join(dir, 'platform.json');
    writeFileSync(configPath, JSON.stringify({ trading: { watchlist: ['AAPL'] }, marketData: { cacheTtlSec: 0, polygon: { requestsPerMinute: 10_000, maxRetries: 1, timeoutMs: 1_000 } } }));
    __resetOutOfContextForTests();
    const t = await startTestApp(
      { POLYGON_API_KEY: KEY, POLYGON_BASE_URL: mock.baseUrl, POLYGON_WEBSOCKET: 'true', POLYGON_WEBSOCKET_URL: mock.websocketUrl, PLATFORM_CONFIG: configPath, LOG_LEVEL: 'debug' },
      dir,
    );
    try {
      const http = () => request(t.app.getHttpServer());
      const faults = [{ kind: 'status', status: 500 }, { kind: 'malformed' }, { kind: 'drop' }, { kind: 'status', status: 429, retryAfterSec: 0 }, { kind: 'slow', delayMs: 2_000 }] as const;
      for (const fault of faults) {
        mock.inject({ ...fault, path: '/v2/snapshot', times: 2 });
        await http().get('/api/market/quotes?symbols=AAPL');
      }
      // A client that puts the key into a URL must not get it logged either.
      await http().get(`/api/market/quotes?symbols=AAPL&apiKey=${KEY}`);
      await http().get('/api/market/bars?symbol=AAPL&timespan=day&from=2025-06-02&to=2025-06-06').expect(200);
      await http().get('/health');
      // The WebSocket authenticates with the key; a drop makes it authenticate again.
      mock.stream.dropAll();
      await poll(async () => mock.stream.received.filter((m) => m.action === 'auth').length, (auths) => auths === 2);
    } finally {
      await t.close();
      __resetOutOfContextForTests();
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect(lines.some((line) => line.includes('retry'))).toBe(true);
    expect(lines.some((line) => line.includes('/api/market/quotes'))).toBe(true);
    expect(lines.some((line) => line.includes('Polygon WebSocket') && line.includes('polling REST'))).toBe(true);
    expect(lines.filter((line) => line.includes(KEY))).toEqual([]);
  }, 60_000);
});
