import type { Bar } from '@ptp/domain';
import { MINUTE_MS } from '@ptp/domain';
import { type MockFault, PolygonMockServer } from '@ptp/tools/polygon-mock';
import { ManualClock } from '../../../test/manual-clock';
import { polygonProvider } from '../../../test/polygon-provider';
import { until } from '../../../test/until';
import type { PolygonMarketProvider, PolygonProviderOptions } from './polygon-market.provider';

const KEY = 'pk_bars_61c0e2a9d8b74f35';
const WEDNESDAY_11_ET = Date.UTC(2025, 5, 4, 15, 0);
const SNAPSHOT = '/v2/snapshot/locale/us/markets/stocks/tickers';
const aggregates = (symbol: string) => `/v2/aggs/ticker/${symbol}/range/1/minute/`;

/** Minute start times from WEDNESDAY_11_ET on. */
const minutes = (count: number, first = 0) =>
  Array.from({ length: count }, (_, i) => WEDNESDAY_11_ET + (first + i) * MINUTE_MS);

describe('Polygon minute bars from aggregates, on their own schedule (real HTTP)', () => {
  let mock: PolygonMockServer;
  let clock: ManualClock;
  let logs: string[];
  let published: Bar[];
  const started: PolygonMarketProvider[] = [];

  const provider = async (watch: string[], overrides: Partial<PolygonProviderOptions> = {}) => {
    const p = polygonProvider(mock, KEY, clock, logs, overrides);
    started.push(p);
    p.bars$.subscribe((bar) => published.push(bar));
    await p.watch(watch);
    return p;
  };
  const timesOf = (symbol: string) =>
    published.filter((bar) => bar.symbol === symbol).map((bar) => bar.time);
  const nextMinute = async (p: PolygonMarketProvider) => {
    clock.advance(MINUTE_MS);
    await p.refreshBars();
  };

  beforeEach(async () => {
    clock = new ManualClock(WEDNESDAY_11_ET);
    logs = [];
    published = [];
    mock = new PolygonMockServer({ apiKey: KEY, seed: 7, now: () => clock.now() });
    await mock.start();
  });

  afterEach(async () => {
    for (const p of started.splice(0)) await p.stop();
    await mock.stop();
    expect(logs.filter((line) => line.includes(KEY))).toEqual([]);
  });

  it('publishes each completed minute once, in order, without any quote refresh', async () => {
    const p = await provider(['AAPL', 'MSFT']);
    await p.refreshBars();
    // The minutes closed before the symbol was watched are history, not news.
    expect(p.recentBars('AAPL', 100)).toHaveLength(30);
    expect(p.recentBars('AAPL', 1)[0].time).toBe(WEDNESDAY_11_ET - MINUTE_MS);
    expect(published).toEqual([]);

    await nextMinute(p);
    await p.refreshBars();
    clock.advance(2 * MINUTE_MS);
    await p.refreshBars();
    expect(timesOf('AAPL')).toEqual(minutes(3));
    expect(timesOf('MSFT')).toEqual(minutes(3));
    expect(mock.count(SNAPSHOT)).toBe(0);
    expect(p.recentBars('AAPL', 3)).toEqual(published.filter((bar) => bar.symbol === 'AAPL'));
    expect(published.filter((bar) => bar.symbol === 'AAPL')).toEqual(
      await p.fetchBars('AAPL', 'minute', minutes(1)[0], minutes(1, 2)[0]),
    );
  });

  it.each<[string, MockFault]>([
    ['HTTP 500', { kind: 'status', status: 500 }],
    ['HTTP 429 with Retry-After', { kind: 'status', status: 429, retryAfterSec: 20 }],
    ['malformed JSON', { kind: 'malformed' }],
    ['a dropped connection', { kind: 'drop' }],
  ])(
    'publishes a minute that failed to fetch (%s) with a later round, once upstream recovers',
    async (_name, fault) => {
      const p = await provider(['AAPL']);
      await p.refreshBars();
      mock.inject({ ...fault, path: aggregates('AAPL') });
      await nextMinute(p);
      expect(published).toEqual([]);
      expect(
        logs.some(
          (line) =>
            line.includes('Polygon minute bars of AAPL') &&
            line.includes('asked again next minute'),
        ),
      ).toBe(true);
      await nextMinute(p);
      expect(timesOf('AAPL')).toEqual(minutes(2));
    },
  );

  it('uses only spare budget, never holds up a quote refresh, and serves symbols in turn until none is behind', async () => {
    const p = await provider(['AAPL', 'MSFT', 'NVDA'], { requestsPerMinute: 3 });
    await p.refreshBars();
    // Two history loads took two of the three slots; the last one stays free for quotes.
    expect(mock.count('/v2/aggs')).toBe(2);
    await p.fetchQuotes(['AAPL']);
    expect(clock.sleeps).toEqual([]);
    for (let i = 0; i < 6; i++) await nextMinute(p);
    // Each symbol is at most two minutes behind, and what it got came once, in order, without a gap.
    for (const symbol of ['AAPL', 'MSFT', 'NVDA']) {
      expect(timesOf(symbol).length).toBeGreaterThanOrEqual(4);
      expect(timesOf(symbol)).toEqual(minutes(timesOf(symbol).length));
    }
    const sent = mock.requests.map((r) => r.at);
    for (const t of sent)
      expect(sent.filter((u) => u >= t && u < t + MINUTE_MS).length).toBeLessThanOrEqual(3);
  });

  it('keeps publishing bars when no quote is ever fetched in this process (prices from a Redis peer)', async () => {
    const p = await provider(['NVDA'], { backfillBars: 0 });
    for (let i = 0; i < 3; i++) await nextMinute(p);
    expect(timesOf('NVDA')).toEqual(minutes(3));
    expect(p.recentBars('NVDA', 10).map((bar) => bar.time)).toEqual(minutes(3));
    expect(mock.count(SNAPSHOT) + mock.count('/v2/last')).toBe(0);
  });
});

describe('Polygon minute bars with the WebSocket (real socket)', () => {
  let mock: PolygonMockServer;
  let clock: ManualClock;
  let logs: string[];
  let p: PolygonMarketProvider;

  beforeEach(async () => {
    clock = new ManualClock(WEDNESDAY_11_ET);
    logs = [];
    mock = new PolygonMockServer({ apiKey: KEY, seed: 7, now: () => clock.now() });
    await mock.start();
    p = polygonProvider(mock, KEY, clock, logs, {
      maxRetries: 1,
      websocket: true,
      websocketUrl: mock.websocketUrl,
      streamTiming: { reconnectBaseMs: 5, reconnectMaxMs: 20, heartbeatMs: 5_000 },
    });
  });

  afterEach(async () => {
    await p.stop();
    await mock.stop();
  });

  const streamingAAPL = async (connections: number) => {
    await until(
      () => mock.stream.connectionCount === connections && p.health().stream === 'streaming',
      `connection ${connections}`,
    );
    await until(
      () => mock.stream.subscriptions.some((topics) => topics.includes('AM.AAPL')),
      'the AM subscription',
    );
  };
  const tapeMinute = async (time: number) =>
    ((await p.fetchBars('AAPL', 'minute', time, time)) ?? [])[0];

  it('publishes each minute once when AM events and REST aggregates overlap, and fills a gap the stream left', async () => {
    const published: Bar[] = [];
    p.bars$.subscribe((bar) => published.push(bar));
    await p.watch(['AAPL']);
    await p.start();
    await p.refreshBars();
    await streamingAAPL(1);

    // REST brings 11:00 before the stream does; the AM for it then only confirms the stream.
    clock.advance(MINUTE_MS);
    await p.refreshBars();
    mock.stream.minute(await tapeMinute(minutes(1)[0]));
    clock.advance(MINUTE_MS);
    mock.stream.minute(await tapeMinute(minutes(1, 1)[0]));
    await until(() => published.length === 2, '11:01 from the stream');
    const requested = mock.count('/v2/aggs');
    await p.refreshBars();
    expect(mock.count('/v2/aggs')).toBe(requested);

    // 11:02 completes while the stream is down and nothing polls; the next connection's first AM (11:03)
    // waits until REST has brought 11:02.
    mock.stream.dropAll();
    clock.advance(2 * MINUTE_MS);
    await streamingAAPL(2);
    mock.stream.minute(await tapeMinute(minutes(1, 3)[0]));
    await until(() => published.length === 4, 'the gap and 11:03');
    mock.stream.minute(await tapeMinute(minutes(1, 3)[0]));
    clock.advance(MINUTE_MS);
    mock.stream.minute(await tapeMinute(minutes(1, 4)[0]));
    await until(() => published.length === 5, '11:04 from the stream');
    expect(published.map((bar) => bar.time)).toEqual(minutes(5));
    expect(p.recentBars('AAPL', 5)).toEqual(published);
  });
});
