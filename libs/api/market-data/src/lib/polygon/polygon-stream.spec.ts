import { Secret } from '@ptp/api/config';
import type { Bar } from '@ptp/domain';
import { PolygonMockServer } from '@ptp/tools/polygon-mock';
import { WebSocketServer } from 'ws';
import { ManualClock } from '../../../test/manual-clock';
import { until } from '../../../test/until';
import { PriceCache } from '../cache/price-cache';
import type { ProviderQuote } from '../provider/market-data.provider';
import { PolygonMarketProvider, type PolygonProviderOptions } from './polygon-market.provider';
import { streamEvents, streamMinute, streamTrade } from './polygon-stream-events';

const KEY = 'pk_stream_4d7e1a9c02b8f6e3';
const WEDNESDAY_11_ET = Date.UTC(2025, 5, 4, 15, 0);
const SNAPSHOT = '/v2/snapshot/locale/us/markets/stocks/tickers';

describe('Polygon WebSocket events (the exact wire format)', () => {
  it('reads trades and minute aggregates with millisecond times, and ignores what is not an event array', () => {
    const [trade] = streamEvents(
      '[{"ev":"T","sym":"MSFT","x":4,"i":"12345","z":3,"p":114.125,"s":100,"c":[0,12],"t":1536036818784,"q":3681328}]',
    );
    expect(streamTrade(trade)).toEqual({
      symbol: 'MSFT',
      price: 114.125,
      size: 100,
      time: 1536036818784,
    });
    const [minute] = streamEvents(
      '[{"ev":"AM","sym":"GTE","v":4110,"av":9470157,"op":0.4372,"vw":0.4488,"o":0.4488,"c":0.4486,"h":0.4489,"l":0.4486,"a":0.4352,"z":685,"s":1610144640000,"e":1610144700000}]',
    );
    expect(streamMinute(minute)).toEqual({
      symbol: 'GTE',
      time: 1610144640000,
      open: 0.4488,
      high: 0.4489,
      low: 0.4486,
      close: 0.4486,
      volume: 4110,
    });
    expect(streamEvents('{"ev":"T"}')).toEqual([]);
    expect(streamEvents('[{"ev":"status"')).toEqual([]);
    expect(streamTrade({ ev: 'T', sym: 'MSFT', s: 100 })).toBeNull();
    expect(streamMinute({ ev: 'AM', sym: 'GTE', o: 1 })).toBeNull();
  });
});

describe('Polygon provider with the WebSocket, against the loopback mock (real socket)', () => {
  let mock: PolygonMockServer;
  let clock: ManualClock;
  let logs: string[];
  const started: PolygonMarketProvider[] = [];

  const provider = async (watch: string[], overrides: Partial<PolygonProviderOptions> = {}) => {
    const p = new PolygonMarketProvider(
      {
        baseUrl: mock.baseUrl,
        apiKey: new Secret(KEY),
        timeoutMs: 5_000,
        maxRetries: 1,
        requestsPerMinute: 10_000,
        backfillBars: 0,
        websocket: true,
        websocketUrl: mock.websocketUrl,
        streamTiming: { reconnectBaseMs: 5, reconnectMaxMs: 20, heartbeatMs: 5_000 },
        ...overrides,
      },
      clock,
      { log: (message) => logs.push(message), warn: (message) => logs.push(message) },
    );
    started.push(p);
    await p.watch(watch);
    await p.start();
    return p;
  };
  const streaming = (p: PolygonMarketProvider) =>
    until(() => p.health().stream === 'streaming', 'streaming');
  const subscribed = (topics: string[]) =>
    until(
      () => mock.stream.subscriptions.some((s) => topics.every((t) => s.includes(t))),
      topics.join(','),
    );

  beforeEach(async () => {
    clock = new ManualClock(WEDNESDAY_11_ET);
    logs = [];
    mock = new PolygonMockServer({ apiKey: KEY, seed: 7, now: () => clock.now() });
    await mock.start();
  });

  afterEach(async () => {
    for (const p of started.splice(0)) await p.stop();
    await mock.stop();
    // Whatever happened on the socket, no logged line carries the key.
    expect(logs.filter((line) => line.includes(KEY))).toEqual([]);
  });

  it('authenticates after "connected", then subscribes trades and minute aggregates of every watched symbol', async () => {
    const p = await provider(['AAPL', 'MSFT']);
    await streaming(p);
    await subscribed(['T.AAPL', 'AM.AAPL', 'T.MSFT', 'AM.MSFT']);
    expect(mock.stream.received).toEqual([
      { connection: 1, action: 'auth', params: '[key]' },
      { connection: 1, action: 'subscribe', params: 'T.AAPL,AM.AAPL,T.MSFT,AM.MSFT' },
    ]);
    expect(p.health()).toEqual({
      state: 'ok',
      stream: 'streaming',
      message: expect.stringContaining('WebSocket streaming'),
    });
    await p.watch(['NVDA', 'AAPL']);
    await subscribed(['T.NVDA', 'AM.NVDA']);
    expect(mock.stream.received.at(-1)).toEqual({
      connection: 1,
      action: 'subscribe',
      params: 'T.NVDA,AM.NVDA',
    });
  });

  it('turns a trade into a pushed quote, and answers refreshes of traded symbols without any HTTP request', async () => {
    const p = await provider(['AAPL', 'MSFT']);
    const pushed: ProviderQuote[] = [];
    p.quotes$.subscribe((quote) => pushed.push(quote));
    await streaming(p);
    await subscribed(['T.AAPL']);
    const tradedAt = WEDNESDAY_11_ET - 2_500;
    expect(mock.stream.trade('AAPL', 201.37, tradedAt)).toBe(1);
    await until(() => pushed.length === 1, 'the pushed quote');
    expect(pushed[0]).toEqual({ symbol: 'AAPL', price: 201.37, asOf: tradedAt });

    // A late print must not move the price back.
    mock.stream.trade('AAPL', 150, tradedAt - 60_000);
    mock.stream.trade('AAPL', 201.4, tradedAt + 1);
    await until(() => pushed.length === 2, 'the second quote');
    expect(pushed[1].price).toBe(201.4);

    const batch = await p.fetchQuotes(['AAPL', 'MSFT']);
    expect(batch.quotes.find((q) => q.symbol === 'AAPL')).toEqual({
      symbol: 'AAPL',
      price: 201.4,
      asOf: tradedAt + 1,
    });
    expect(mock.requests.filter((r) => r.path === SNAPSHOT).map((r) => r.query['tickers'])).toEqual(
      ['MSFT'],
    );
    await p.fetchQuotes(['AAPL']);
    expect(mock.count(SNAPSHOT)).toBe(1);
  });

  it('feeds pushed quotes into the price cache at once', async () => {
    const p = await provider(['AAPL']);
    const cache = new PriceCache((s) => p.fetchQuotes(s), clock, {
      source: 'polygon',
      ttlMs: 30_000,
      staleAfterMs: 180_000,
    });
    p.quotes$.subscribe((quote) => cache.push([quote]));
    const polled = (await cache.get(['AAPL'])).quotes[0];
    await streaming(p);
    await subscribed(['T.AAPL']);
    mock.stream.trade('AAPL', polled.price + 1.25);
    await until(
      () => cache.view(['AAPL']).quotes[0].price === polled.price + 1.25,
      'the cached streamed price',
    );
    expect(cache.view(['AAPL']).quotes[0]).toEqual(
      expect.objectContaining({ stale: false, ageSec: 0 }),
    );
    expect(mock.count(SNAPSHOT)).toBe(1);
  });

  it('a pushed price is fresh while the symbols a failed refresh left behind stay stale', async () => {
    const p = await provider(['AAPL', 'MSFT']);
    const cache = new PriceCache((s) => p.fetchQuotes(s), clock, {
      source: 'polygon',
      ttlMs: 30_000,
      staleAfterMs: 180_000,
    });
    p.quotes$.subscribe((quote) => cache.push([quote]));
    await cache.get(['AAPL', 'MSFT']);
    await streaming(p);
    await subscribed(['T.AAPL']);
    mock.inject({ kind: 'status', status: 503, path: SNAPSHOT, times: 2 });
    clock.advance(30_000);
    expect((await cache.get(['AAPL', 'MSFT'])).quotes.map((q) => q.stale)).toEqual([true, true]);
    clock.advance(1_000);
    mock.stream.trade('AAPL', 199.99);
    await until(() => cache.view(['AAPL']).quotes[0].price === 199.99, 'the streamed price');
    expect(cache.view(['AAPL', 'MSFT']).quotes.map((q) => [q.symbol, q.stale])).toEqual([
      ['AAPL', false],
      ['MSFT', true],
    ]);
    expect(cache.failure?.kind).toBe('unavailable');
  });

  it('streams each AM minute once as a completed bar, and asks REST for no bars of a symbol the stream covers', async () => {
    const p = await provider(['AAPL']);
    const bars: Bar[] = [];
    p.bars$.subscribe((bar) => bars.push(bar));
    await streaming(p);
    await subscribed(['AM.AAPL']);
    const minute = {
      symbol: 'AAPL',
      time: WEDNESDAY_11_ET - 60_000,
      open: 200.1,
      high: 200.6,
      low: 199.9,
      close: 200.4,
      volume: 18_250,
    };
    mock.stream.minute(minute);
    mock.stream.minute({ ...minute, volume: 18_300 });
    mock.stream.minute({ ...minute, time: minute.time - 60_000 });
    mock.stream.trade('AAPL', 200.5);
    await until(
      () => p.health().stream === 'streaming' && p.recentBars('AAPL', 5).at(-1)?.volume === 18_300,
      'the revised minute',
    );
    expect(bars).toEqual([minute]);
    expect(p.recentBars('AAPL', 5)).toEqual([{ ...minute, volume: 18_300 }]);
    // The AM minutes follow the history without a gap now, so the minute schedule leaves AAPL to the stream.
    const aggregates = mock.count('/v2/aggs/ticker/AAPL/range');
    clock.advance(120_000);
    await p.refreshBars();
    expect(mock.count('/v2/aggs/ticker/AAPL/range')).toBe(aggregates);
    expect(bars).toEqual([minute]);
  });

  it("follows the mock's live tape (what `npm run mock:polygon` sends every second)", async () => {
    const p = await provider(['AAPL']);
    const pushed: ProviderQuote[] = [];
    const bars: Bar[] = [];
    p.quotes$.subscribe((quote) => pushed.push(quote));
    p.bars$.subscribe((bar) => bars.push(bar));
    await streaming(p);
    await subscribed(['T.AAPL', 'AM.AAPL']);
    clock.advance(30_000);
    mock.stream.tick();
    await until(() => pushed.length === 1, 'a live trade');
    expect(bars).toEqual([]);
    clock.advance(60_000);
    mock.stream.tick();
    await until(() => bars.length === 1, 'the completed minute');
    expect(bars[0]).toEqual(expect.objectContaining({ symbol: 'AAPL', time: WEDNESDAY_11_ET }));
    // The trade half-way through that minute lies between its open and its close.
    const [low, high] = [
      Math.min(bars[0].open, bars[0].close),
      Math.max(bars[0].open, bars[0].close),
    ];
    expect(pushed[0].price).toBeGreaterThanOrEqual(low - 0.01);
    expect(pushed[0].price).toBeLessThanOrEqual(high + 0.01);
  });

  it('reconnects after the server drops it, subscribes everything again, and polls REST in between', async () => {
    const p = await provider(['AAPL', 'MSFT']);
    const pushed: ProviderQuote[] = [];
    p.quotes$.subscribe((quote) => pushed.push(quote));
    await streaming(p);
    await subscribed(['T.AAPL', 'T.MSFT']);
    mock.stream.trade('AAPL', 201.37);
    await until(() => pushed.length === 1, 'the streamed trade');
    mock.stream.dropAll();
    await until(
      () => mock.stream.connectionCount === 2 && mock.stream.subscriptions.length === 1,
      'the second connection',
    );
    await subscribed(['T.AAPL', 'AM.AAPL', 'T.MSFT', 'AM.MSFT']);
    expect(mock.stream.received.filter((m) => m.connection === 2)).toEqual([
      { connection: 2, action: 'auth', params: '[key]' },
      { connection: 2, action: 'subscribe', params: 'T.AAPL,AM.AAPL,T.MSFT,AM.MSFT' },
    ]);
    expect(
      logs.some((line) => /connection closed.*polling REST, next connection in/.test(line)),
    ).toBe(true);
    // Trades may have been missed while it was down: the streamed price is not trusted any more.
    const batch = await p.fetchQuotes(['AAPL']);
    expect(mock.count(SNAPSHOT)).toBe(1);
    expect(batch.quotes[0].price).not.toBe(201.37);
  });

  it('falls back to REST polling when authentication fails, and says so in health', async () => {
    mock.stream.entitled = false;
    const p = await provider(['AAPL']);
    await until(() => p.health().stream === 'auth_failed', 'auth_failed');
    expect(p.health()).toEqual({
      state: 'ok',
      stream: 'auth_failed',
      message: expect.stringMatching(
        /REST polling; WebSocket auth_failed: authentication failed \(key invalid or plan without streaming\)/,
      ),
    });
    expect(mock.stream.received).toEqual([{ connection: 1, action: 'auth', params: '[key]' }]);
    const batch = await p.fetchQuotes(['AAPL']);
    expect(batch.quotes).toHaveLength(1);
    expect(mock.count(SNAPSHOT)).toBe(1);
    // The line is logged when the socket has closed, which can come after the health state.
    await until(
      () =>
        logs.some((line) =>
          /authentication failed.*polling REST, next connection in 3600000 ms/.test(line),
        ),
      'the authentication failure to be logged',
    );
  });

  it('refuses a wrong key without logging either key', async () => {
    const p = await provider(['AAPL'], { apiKey: new Secret('wrong-stream-key-77') });
    await until(() => p.health().stream === 'auth_failed', 'auth_failed');
    expect(mock.stream.received).toEqual([
      { connection: 1, action: 'auth', params: '[wrong key]' },
    ]);
    expect(logs.filter((line) => line.includes('wrong-stream-key-77'))).toEqual([]);
  });

  it('does not log a key someone put into the WebSocket URL', async () => {
    const p = await provider(['AAPL'], { websocketUrl: `${mock.websocketUrl}?apiKey=${KEY}` });
    await streaming(p);
    expect(logs).toContain(`Polygon WebSocket ${mock.websocketUrl} streaming 1 symbols`);
  });

  it('backs off when another connection with the same key takes over', async () => {
    // A long backoff, so the evicted provider does not take the connection back during the test.
    const first = await provider(['AAPL'], {
      streamTiming: { reconnectBaseMs: 60_000, reconnectMaxMs: 60_000, heartbeatMs: 5_000 },
    });
    await streaming(first);
    const second = await provider(['MSFT']);
    await streaming(second);
    await until(() => first.health().stream === 'reconnecting', 'the evicted connection');
    expect(first.health().message).toContain('max_connections');
  });

  it('drops a connection whose server never answers the handshake, and tries again', async () => {
    const silent = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    let connections = 0;
    silent.on('connection', () => connections++);
    await new Promise((resolve) => silent.once('listening', resolve));
    try {
      const { port } = silent.address() as { port: number };
      const p = await provider(['AAPL'], {
        websocketUrl: `ws://127.0.0.1:${port}/stocks`,
        // Long enough for a loaded machine to finish the WebSocket upgrade itself within the timeout.
        streamTiming: { reconnectBaseMs: 5, reconnectMaxMs: 20, heartbeatMs: 500 },
      });
      await until(() => connections >= 2, 'a second connection');
      expect(p.health().message).toContain('no authentication answer');
      expect(p.health().stream).not.toBe('streaming');
    } finally {
      for (const client of silent.clients) client.terminate();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('keeps polling REST when the WebSocket cannot be reached at all', async () => {
    const p = await provider(['AAPL'], { websocketUrl: 'ws://127.0.0.1:9/stocks' });
    await until(() => logs.some((line) => line.includes('polling REST')), 'the failed connection');
    expect(p.health()).toEqual(expect.objectContaining({ state: 'ok', stream: 'reconnecting' }));
    expect((await p.fetchQuotes(['AAPL'])).quotes).toHaveLength(1);
  });
});
