import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MarketQuote } from '@ptp/contracts';
import { PolygonMockServer } from '@ptp/tools/polygon-mock';
import request from 'supertest';
import { describeCluster, useCluster } from './cluster.fixture';

const KEY = 'pk_cluster_5d1e9a0c7b3f';
const WATCHLIST = ['AAPL', 'MSFT'];

/** What the mock was asked, by endpoint (tickers and times left out). */
function askedFor(mock: PolygonMockServer, since: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { path } of mock.requests.slice(since)) {
    const endpoint = path.replace(/\/(ticker|tickers)\/[^/]+/, '/$1/:t').replace(/\/range\/.*/, '');
    counts[endpoint] = (counts[endpoint] ?? 0) + 1;
  }
  return counts;
}

/** Resolves once the mock has had no request for `quietMs` (start-up history fetched). */
async function settled(mock: PolygonMockServer, quietMs = 3_000): Promise<void> {
  let seen = -1;
  while (seen !== mock.requests.length) {
    seen = mock.requests.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

const health = async (url: string) =>
  (await request(url).get('/health').expect(200)).body.data.details.market_data;

describeCluster('market data once for the whole cluster (real processes, Polygon mock)', () => {
  const mocks = [0, 1].map(() => new PolygonMockServer({ apiKey: KEY }));
  const configDir = mkdtempSync(join(tmpdir(), 'ptp-md-cluster-'));
  const configPath = join(configDir, 'platform.json');
  writeFileSync(
    configPath,
    JSON.stringify({
      trading: { watchlist: WATCHLIST },
      // Quotes are fetched at start-up and then stay fresh through the test: what it measures are
      // the minute-bar rounds, market status and callers' requests, which land at the same moments
      // in both clusters (a refresh timer's phase would differ between them).
      marketData: {
        cacheTtlSec: 3_600,
        staleAfterSec: 7_200,
        polygon: { requestsPerMinute: 10_000, maxRetries: 1 },
      },
    }),
  );
  // Filled in before the clusters start (their beforeAll runs after this one).
  const envs = mocks.map((): Record<string, string> => ({
    POLYGON_API_KEY: KEY,
    PLATFORM_CONFIG: configPath,
  }));
  beforeAll(async () => {
    for (const [i, mock] of mocks.entries()) {
      await mock.start();
      envs[i]['POLYGON_BASE_URL'] = mock.baseUrl;
    }
  });
  afterAll(() => Promise.all(mocks.map((mock) => mock.stop())));
  const one = useCluster({ api: 1, workers: 0, env: envs[0] });
  const three = useCluster({ api: 3, workers: 0, env: envs[1] });

  it('costs Polygon with three instances exactly what it costs with one, over the same period', async () => {
    await Promise.all(mocks.map((mock) => settled(mock)));
    const from = mocks.map((mock) => mock.requests.length);
    // The same callers, spread over three instances or all on one (each instance asked every
    // round), until past a minute-bar round (:05).
    const until = (Math.floor(Date.now() / 60_000) + 1) * 60_000 + 8_000;
    const clusters = [one.cluster(), three.cluster()];
    for (let round = 0; Date.now() < until; round++) {
      await Promise.all(
        clusters.map(async (cluster) => {
          for (let n = 0; n < 3; n++) {
            const url = cluster.api[n % cluster.api.length].url;
            await request(url).get('/api/market/quotes?symbols=AAPL,MSFT').expect(200);
            await request(url).get('/api/market/status').expect(200);
          }
          await request(cluster.api[round % cluster.api.length].url)
            .get('/health')
            .expect(200);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    await Promise.all(mocks.map((mock) => settled(mock, 2_000)));
    const [single, cluster] = mocks.map((mock, i) => askedFor(mock, from[i]));
    expect(cluster).toEqual(single);
    // The window held a minute-bar round and market status: it measured real work.
    expect(single['/v2/aggs/ticker/:t']).toBeGreaterThanOrEqual(WATCHLIST.length);
    expect(single['/v1/marketstatus/now']).toBeGreaterThan(0);
  }, 240_000);

  it('has one leader; every instance serves the prices the leader fetched', async () => {
    const urls = three.cluster().api.map((p) => p.url);
    const states = await Promise.all(urls.map(health));
    expect(states.filter((s) => s.leader === true)).toHaveLength(1);
    expect(states.filter((s) => s.leader === false)).toHaveLength(2);
    const quotes = await Promise.all(
      urls.map(async (url) => {
        const body = (await request(url).get('/api/market/quotes?symbols=AAPL,MSFT').expect(200))
          .body.data as MarketQuote[];
        return body.map((q) => [q.symbol, q.price, q.asOf, q.source]);
      }),
    );
    expect(quotes[0].map(([symbol]) => symbol)).toEqual(WATCHLIST);
    expect(quotes[1]).toEqual(quotes[0]);
    expect(quotes[2]).toEqual(quotes[0]);
  });
});
