import { rmSync } from 'node:fs';
import type { MarketQuote, MarketStatusResponse } from '@ptp/contracts';
import request from 'supertest';
import { PolygonMockServer } from '@ptp/tools/polygon-mock';
import { poll, writePlatformConfig } from './market-data.helpers';
import { disposeTestApp, startTestApp } from './test-app';

describe('market data REST on Polygon data from the loopback mock', () => {
  const KEY = 'pk_live_3c9a71e04b5d46f8a2e1';
  let mock: PolygonMockServer;
  let configDir: string;
  let configPath: string;

  beforeAll(async () => {
    mock = new PolygonMockServer({ apiKey: KEY });
    await mock.start();
    // A paid plan's budget, so the test is not paced at 5 requests a minute.
    ({ dir: configDir, path: configPath } = writePlatformConfig('ptp-polygon-', {
      trading: { watchlist: ['AAPL', 'MSFT'] },
      marketData: { polygon: { requestsPerMinute: 10_000, maxRetries: 1 } },
    }));
  });

  afterAll(async () => {
    await mock.stop();
    rmSync(configDir, { recursive: true, force: true });
  });

  it('serves Polygon quotes and bars, refuses tickers its reference lacks with 422 and shows the provider state, never the key', async () => {
    const t = await startTestApp({
      POLYGON_API_KEY: KEY,
      POLYGON_BASE_URL: mock.baseUrl,
      PLATFORM_CONFIG: configPath,
    });
    try {
      const http = () => request(t.app.getHttpServer());
      const quotes = await http().get('/api/market/quotes?symbols=AAPL,MSFT').expect(200);
      expect(quotes.body.data.map((q: MarketQuote) => [q.symbol, q.source, q.stale])).toEqual([
        ['AAPL', 'polygon', false],
        ['MSFT', 'polygon', false],
      ]);
      expect(
        (await http().get('/api/market/quotes?symbols=ZZZZQ').expect(422)).body.error.code,
      ).toBe('UNKNOWN_SYMBOL');
      // One reference lookup named it; no quote, trade or aggregates request ever did.
      expect(
        mock.requests.filter((r) => JSON.stringify(r).includes('ZZZZQ')).map((r) => r.path),
      ).toEqual(['/v3/reference/tickers']);
      const bars = await http()
        .get('/api/market/bars?symbol=AAPL&timespan=day&from=2025-06-02&to=2025-06-06')
        .expect(200);
      expect(bars.body.data.bars).toHaveLength(5);
      const status = (await http().get('/api/market/status').expect(200)).body
        .data as MarketStatusResponse;
      expect(status).toEqual(
        expect.objectContaining({
          alwaysOpen: false,
          clockRate: 1,
          provider: 'polygon',
          providerState: 'ok',
        }),
      );
      const health = await http().get('/health').expect(200);
      expect(health.body.data.details.market_data).toEqual(
        expect.objectContaining({ status: 'up', state: 'ok', provider: 'polygon' }),
      );
      expect(mock.requests.every((r) => r.auth === 'bearer')).toBe(true);
      expect(JSON.stringify([quotes.body, bars.body, health.body])).not.toContain(KEY);
    } finally {
      await disposeTestApp(t);
    }
  });

  it('reports a rejected key as "key invalid or plan not entitled" in /health (503) without a 500 anywhere', async () => {
    const t = await startTestApp({
      POLYGON_API_KEY: 'not-the-key-42',
      POLYGON_BASE_URL: mock.baseUrl,
      PLATFORM_CONFIG: configPath,
    });
    try {
      const http = () => request(t.app.getHttpServer());
      const health = await http().get('/health').expect(503);
      expect(health.body.error.details.details.market_data).toEqual(
        expect.objectContaining({
          status: 'down',
          state: 'unauthorized',
          message: 'market data key invalid or plan not entitled',
        }),
      );
      const quotes = await http().get('/api/market/quotes?symbols=AAPL').expect(503);
      expect(quotes.body.error.code).toBe('MARKET_DATA_UNAVAILABLE');
      const bars = await http().get('/api/market/bars?symbol=AAPL').expect(503);
      expect(bars.body.error.code).toBe('MARKET_DATA_UNAUTHORIZED');
      expect(JSON.stringify([health.body, quotes.body, bars.body])).not.toContain('not-the-key-42');
    } finally {
      await disposeTestApp(t);
    }
  });

  it('reports degraded with stale prices while Polygon fails, and ok again once it recovers', async () => {
    const { dir, path: faultsConfig } = writePlatformConfig('ptp-polygon-faults-', {
      trading: { watchlist: ['AAPL'] },
      marketData: { cacheTtlSec: 0, polygon: { requestsPerMinute: 10_000, maxRetries: 0 } },
    });
    const t = await startTestApp({
      POLYGON_API_KEY: KEY,
      POLYGON_BASE_URL: mock.baseUrl,
      PLATFORM_CONFIG: faultsConfig,
    });
    try {
      const http = () => request(t.app.getHttpServer());
      const fresh = (
        (await http().get('/api/market/quotes?symbols=AAPL').expect(200)).body.data as MarketQuote[]
      )[0];
      mock.inject({ kind: 'status', status: 502, path: '/v2/snapshot', times: 1_000 });
      const health = await http().get('/health').expect(200);
      expect(health.body.data.details.market_data).toEqual(
        expect.objectContaining({
          status: 'up',
          state: 'degraded',
          staleSymbols: ['AAPL'],
          message: expect.stringContaining('HTTP 502'),
        }),
      );
      const served = (
        (await http().get('/api/market/quotes?symbols=AAPL').expect(200)).body.data as MarketQuote[]
      )[0];
      expect(served).toEqual(expect.objectContaining({ price: fresh.price, stale: true }));
      expect((await http().get('/api/market/status').expect(200)).body.data.providerState).toBe(
        'degraded',
      );
      mock.clearFaults();
      expect((await http().get('/health').expect(200)).body.data.details.market_data).toEqual(
        expect.objectContaining({ state: 'ok', staleSymbols: [] }),
      );
    } finally {
      await disposeTestApp(t);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves streamed trades as quotes at once, shows the stream in /health, and streams again after a drop', async () => {
    const t = await startTestApp({
      POLYGON_API_KEY: KEY,
      POLYGON_BASE_URL: mock.baseUrl,
      POLYGON_WEBSOCKET: 'true',
      POLYGON_WEBSOCKET_URL: mock.websocketUrl,
      PLATFORM_CONFIG: configPath,
    });
    try {
      const http = () => request(t.app.getHttpServer());
      const marketHealth = async () => (await http().get('/health')).body.data.details.market_data;
      await poll(marketHealth, (health) => health.stream === 'streaming');
      await poll(
        async () => mock.stream.subscriptions,
        (subs) =>
          subs.length === 1 &&
          ['T.AAPL', 'AM.AAPL', 'T.MSFT', 'AM.MSFT'].every((topic) => subs[0].includes(topic)),
      );
      const polled = (
        (await http().get('/api/market/quotes?symbols=AAPL').expect(200)).body.data as MarketQuote[]
      )[0];
      const snapshots = mock.count('/v2/snapshot');

      const streamedPrice = Math.round((polled.price + 0.37) * 100) / 100;
      mock.stream.trade('AAPL', streamedPrice);
      const quotes = async () =>
        (await http().get('/api/market/quotes?symbols=AAPL').expect(200)).body
          .data as MarketQuote[];
      const [streamed] = await poll(quotes, ([quote]) => quote.price === streamedPrice);
      expect(streamed).toEqual(expect.objectContaining({ source: 'polygon', stale: false }));
      expect(mock.count('/v2/snapshot')).toBe(snapshots);

      mock.stream.dropAll();
      await poll(
        async () => mock.stream.connectionCount,
        (count) => count === 2,
      );
      expect(await poll(marketHealth, (health) => health.stream === 'streaming')).toEqual(
        expect.objectContaining({ status: 'up', state: 'ok', provider: 'polygon' }),
      );
      await poll(
        async () => mock.stream.subscriptions,
        (subs) => subs.length === 1 && subs[0].includes('T.AAPL') && subs[0].includes('AM.MSFT'),
      );
      expect(mock.stream.received.filter((m) => m.action === 'auth').map((m) => m.params)).toEqual([
        '[key]',
        '[key]',
      ]);
    } finally {
      await disposeTestApp(t);
    }
  });
});
