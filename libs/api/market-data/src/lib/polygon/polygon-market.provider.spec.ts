import { Secret } from '@ptp/api/config';
import { PolygonMockServer } from '@ptp/tools/polygon-mock';
import { ManualClock } from '../../../test/manual-clock';
import { polygonProvider } from '../../../test/polygon-provider';
import { PriceCache } from '../cache/price-cache';
import { ProviderError } from '../provider/provider-error';
import { PolygonMarketProvider, type PolygonProviderOptions } from './polygon-market.provider';

const KEY = 'pk_test_8f1c0d9e7b6a5f4e3d2c1b0a';
const WEDNESDAY_11_ET = Date.UTC(2025, 5, 4, 15, 0);
const SNAPSHOT = '/v2/snapshot/locale/us/markets/stocks/tickers';

describe('Polygon provider against the loopback mock (real HTTP)', () => {
  let mock: PolygonMockServer;
  let clock: ManualClock;
  let logs: string[];

  const provider = (overrides: Partial<PolygonProviderOptions> = {}) =>
    polygonProvider(mock, KEY, clock, logs, overrides);
  const cacheOf = (p: PolygonMarketProvider, ttlMs = 30_000) =>
    new PriceCache((s) => p.fetchQuotes(s), clock, {
      source: 'polygon',
      ttlMs,
      staleAfterMs: 180_000,
    });
  const error = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (e: unknown) => e as ProviderError,
    );

  beforeEach(async () => {
    clock = new ManualClock(WEDNESDAY_11_ET);
    logs = [];
    mock = new PolygonMockServer({
      apiKey: KEY,
      seed: 7,
      now: () => clock.now(),
      maxPageSize: 100,
    });
    await mock.start();
  });

  afterEach(async () => {
    await mock.stop();
    // No line the provider logged, in any scenario, may carry the key.
    expect(logs.filter((line) => line.includes(KEY))).toEqual([]);
  });

  it('prices the whole watchlist with one snapshot request, Bearer auth and exact nanosecond times', async () => {
    const batch = await provider().fetchQuotes(['AAPL', 'MSFT', 'SPY']);
    expect(mock.count(SNAPSHOT)).toBe(1);
    expect(mock.requests[0]).toEqual(
      expect.objectContaining({ auth: 'bearer', query: { tickers: 'AAPL,MSFT,SPY' } }),
    );
    expect(batch.unknown).toEqual([]);
    const aapl = batch.quotes.find((q) => q.symbol === 'AAPL');
    // The mock stamps the last trade 150 ms before the end of the last completed minute, plus 294,080 ns.
    expect(aapl?.asOf).toBe(WEDNESDAY_11_ET - 150 - 1);
    expect(aapl?.bid).toBeLessThan(aapl?.ask ?? 0);
  });

  it('reports tickers Polygon does not know instead of failing the batch', async () => {
    const batch = await provider().fetchQuotes(['AAPL', 'ZZZZQ']);
    expect(batch.quotes.map((q) => q.symbol)).toEqual(['AAPL']);
    expect(batch.unknown).toEqual(['ZZZZQ']);
    expect(mock.count('/v2/last/trade/ZZZZQ')).toBe(1);
  });

  it('follows next_url to the last page and re-adds the key itself', async () => {
    const from = Date.UTC(2025, 5, 2, 13, 30);
    const to = Date.UTC(2025, 5, 3, 20, 0);
    const bars = (await provider().fetchBars('MSFT', 'minute', from, to)) ?? [];
    expect(bars).toHaveLength(2 * 390);
    expect(mock.count('/v2/aggs/ticker/MSFT/range')).toBe(8);
    expect(
      mock.requests.filter((r) => r.path.includes('/range/')).every((r) => r.auth === 'bearer'),
    ).toBe(true);
    expect(bars.every((bar, i) => i === 0 || bar.time > bars[i - 1].time)).toBe(true);
    expect(new Date(bars[bars.length - 1].time).toISOString()).toBe('2025-06-03T19:59:00.000Z');
  });

  it('treats an aggregates 200 without results as an unknown ticker, and accepts DELAYED data', async () => {
    expect(
      await provider().fetchBars('ZZZZQ', 'day', Date.UTC(2025, 4, 1), Date.UTC(2025, 5, 1)),
    ).toBeNull();
    await mock.stop();
    mock = new PolygonMockServer({ apiKey: KEY, now: () => clock.now(), delayed: true });
    await mock.start();
    const days =
      (await provider().fetchBars('SPY', 'day', Date.UTC(2025, 4, 1), Date.UTC(2025, 4, 31))) ?? [];
    expect(days.length).toBe(21);
  });

  it.each([
    ['HTTP 500', { kind: 'status', status: 500 }],
    ['HTTP 429 without Retry-After', { kind: 'status', status: 429 }],
    ['malformed JSON', { kind: 'malformed' }],
    ['a dropped connection', { kind: 'drop' }],
    ['a timeout', { kind: 'slow', delayMs: 4_000 }],
  ] as const)('retries %s with jittered backoff and then succeeds', async (_name, fault) => {
    mock.inject({ ...fault, path: SNAPSHOT, times: 2 });
    const batch = await provider({ timeoutMs: 1_500 }).fetchQuotes(['AAPL']);
    expect(batch.quotes).toHaveLength(1);
    expect(mock.count(SNAPSHOT)).toBe(3);
    expect(logs.filter((line) => line.includes('retry'))).toHaveLength(2);
  });

  it('the mock checks the key like Polygon: apiKey= or Bearer, 401 without it or with a wrong one', async () => {
    const status = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${mock.baseUrl}/v1/marketstatus/now${query}`, { headers }).then(async (r) => [
        r.status,
        await r.json(),
      ]);
    expect(await status(`?apiKey=${KEY}`)).toEqual([
      200,
      expect.objectContaining({ market: 'open' }),
    ]);
    expect(await status('', { authorization: `Bearer ${KEY}` })).toEqual([
      200,
      expect.objectContaining({ market: 'open' }),
    ]);
    expect(await status('')).toEqual([
      401,
      expect.objectContaining({ status: 'ERROR', error: 'API Key was not provided' }),
    ]);
    expect(await status('?apiKey=nope')).toEqual([
      401,
      expect.objectContaining({ status: 'ERROR', error: 'Unknown API Key' }),
    ]);
    expect(mock.requests.map((r) => [r.auth, r.query['apiKey']])).toEqual([
      ['query', '[key]'],
      ['bearer', undefined],
      ['none', undefined],
      ['query', '[key]'],
    ]);
  });

  it('after the retries, keeps serving the last good price marked stale, and recovers', async () => {
    const p = provider({ maxRetries: 1 });
    const cache = cacheOf(p);
    const fresh = await cache.get(['AAPL']);
    expect(fresh.quotes[0].stale).toBe(false);
    mock.inject({ kind: 'status', status: 503, path: SNAPSHOT, times: 2 });
    clock.advance(30_000);
    const served = await cache.get(['AAPL']);
    expect(served.quotes[0]).toEqual(
      expect.objectContaining({ price: fresh.quotes[0].price, stale: true }),
    );
    expect(cache.failure?.kind).toBe('unavailable');
    clock.advance(30_000);
    expect((await cache.get(['AAPL'])).quotes[0].stale).toBe(false);
  });

  it('honours Retry-After on 429 and then goes on', async () => {
    mock.inject({ kind: 'status', status: 429, retryAfterSec: 7, path: SNAPSHOT });
    const before = clock.now();
    await provider().fetchQuotes(['AAPL']);
    const [limited, retried] = mock.requests.map((r) => r.at);
    expect(retried - limited).toBeGreaterThanOrEqual(7_000);
    expect(clock.now() - before).toBeGreaterThanOrEqual(7_000);
  });

  it('never sends more than the request budget allows in any minute', async () => {
    const p = provider({ requestsPerMinute: 3 });
    // One after the other, so the mock's clock reading at arrival is the moment the budget let it go.
    for (let i = 0; i < 8; i++)
      await p.fetchBars('SPY', 'day', Date.UTC(2025, 4, 1 + i), Date.UTC(2025, 4, 2 + i));
    const times = mock.requests.map((r) => r.at);
    expect(mock.count('/v2/aggs/ticker/SPY/range')).toBe(8);
    for (const t of times)
      expect(times.filter((u) => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(3);
  });

  it('fails at once on an invalid key and reports it, without leaking the key', async () => {
    const p = new PolygonMarketProvider(
      {
        baseUrl: mock.baseUrl,
        apiKey: new Secret('wrong-key-123'),
        timeoutMs: 5_000,
        maxRetries: 3,
        requestsPerMinute: 10_000,
        backfillBars: 0,
      },
      clock,
      { log: (message) => logs.push(message), warn: (message) => logs.push(message) },
    );
    const failure = await error(p.fetchQuotes(['AAPL']));
    expect(failure).toBeInstanceOf(ProviderError);
    expect(failure?.kind).toBe('unauthorized');
    expect(failure?.message).not.toContain('wrong-key-123');
    expect(mock.count()).toBe(1);
    expect(p.health()).toEqual({
      state: 'unauthorized',
      message: expect.stringContaining('key invalid or plan not entitled'),
    });
  });

  it('falls back to previous closes when the plan is not entitled to snapshots and trades', async () => {
    mock.entitled = false;
    const p = provider();
    const batch = await p.fetchQuotes(['AAPL', 'MSFT']);
    expect(batch.quotes.map((q) => q.symbol)).toEqual(['AAPL', 'MSFT']);
    expect(mock.count('/v2/aggs/ticker/AAPL/prev')).toBe(1);
    expect(p.health().state).toBe('unauthorized');
    await p.fetchQuotes(['AAPL', 'MSFT']);
    expect(mock.count(SNAPSHOT)).toBe(1);
    expect(mock.count('/v2/aggs/ticker/AAPL/prev')).toBe(1);
  });

  it('single-flight: N concurrent misses cause exactly one upstream request', async () => {
    const cache = cacheOf(provider());
    const results = await Promise.all(
      Array.from({ length: 25 }, () => cache.get(['AAPL', 'MSFT'])),
    );
    expect(mock.count(SNAPSHOT)).toBe(1);
    expect(new Set(results.map((r) => r.quotes[0].price)).size).toBe(1);
  });

  it('50 clients polling every 2 s cost upstream exactly what one client costs', async () => {
    const poll = async (clients: number) => {
      const cache = cacheOf(provider());
      const start = mock.count(SNAPSHOT);
      for (let t = 0; t <= 120_000; t += 2_000) {
        await Promise.all(
          Array.from({ length: clients }, () => cache.get(['AAPL', 'MSFT', 'NVDA'])),
        );
        clock.advance(2_000);
      }
      return mock.count(SNAPSHOT) - start;
    };
    const one = await poll(1);
    const fifty = await poll(50);
    expect(one).toBe(5);
    expect(fifty).toBe(one);
  });

  it('never makes market status wait behind the request budget: the calendar decides until a slot is free', async () => {
    const p = provider({ requestsPerMinute: 1 });
    await p.fetchBars('SPY', 'day', Date.UTC(2025, 4, 1), Date.UTC(2025, 4, 2));
    const startedAt = clock.now();
    const busy = await p.marketStatus();
    expect(busy.open).toBeNull();
    expect(clock.now()).toBe(startedAt);
    expect(mock.count('/v1/marketstatus')).toBe(0);
    clock.advance(60_000);
    expect((await p.marketStatus()).open).toBe(true);
  });

  it('combines market status from Polygon with its announced closures', async () => {
    const status = await provider().marketStatus();
    expect(status.open).toBe(true);
    expect(status.closures.get('2025-07-04')).toEqual({ close: null });
    expect(status.closures.get('2025-07-03')).toEqual({ close: Date.UTC(2025, 6, 3, 17, 0) });
  });
});
