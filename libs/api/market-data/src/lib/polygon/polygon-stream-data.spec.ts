import type { Bar } from '@ptp/domain';
import { WEDNESDAY_11_ET, SNAPSHOT, usePolygonStream } from '../../../test/polygon-stream';
import { until } from '../../../test/until';
import { PriceCache } from '../cache/price-cache';
import type { ProviderQuote } from '../provider/market-data.provider';

describe('Polygon provider streaming trades and minutes from the loopback mock (real socket)', () => {
  const { mock, clock, provider, streaming, subscribed } = usePolygonStream();

  it('authenticates after "connected", then subscribes trades and minute aggregates of every watched symbol', async () => {
    const p = await provider(['AAPL', 'MSFT']);
    await streaming(p);
    await subscribed(['T.AAPL', 'AM.AAPL', 'T.MSFT', 'AM.MSFT']);
    expect(mock().stream.received).toEqual([
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
    expect(mock().stream.received.at(-1)).toEqual({
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
    expect(mock().stream.trade('AAPL', 201.37, tradedAt)).toBe(1);
    await until(() => pushed.length === 1, 'the pushed quote');
    expect(pushed[0]).toEqual({ symbol: 'AAPL', price: 201.37, asOf: tradedAt });

    // A late print must not move the price back.
    mock().stream.trade('AAPL', 150, tradedAt - 60_000);
    mock().stream.trade('AAPL', 201.4, tradedAt + 1);
    await until(() => pushed.length === 2, 'the second quote');
    expect(pushed[1].price).toBe(201.4);

    const batch = await p.fetchQuotes(['AAPL', 'MSFT']);
    expect(batch.quotes.find((q) => q.symbol === 'AAPL')).toEqual({
      symbol: 'AAPL',
      price: 201.4,
      asOf: tradedAt + 1,
    });
    expect(
      mock()
        .requests.filter((r) => r.path === SNAPSHOT)
        .map((r) => r.query['tickers']),
    ).toEqual(['MSFT']);
    await p.fetchQuotes(['AAPL']);
    expect(mock().count(SNAPSHOT)).toBe(1);
  });

  it('feeds pushed quotes into the price cache at once', async () => {
    const p = await provider(['AAPL']);
    const cache = new PriceCache((s) => p.fetchQuotes(s), clock(), {
      source: 'polygon',
      ttlMs: 30_000,
      staleAfterMs: 180_000,
    });
    p.quotes$.subscribe((quote) => cache.push([quote]));
    const polled = (await cache.get(['AAPL'])).quotes[0];
    await streaming(p);
    await subscribed(['T.AAPL']);
    mock().stream.trade('AAPL', polled.price + 1.25);
    await until(
      () => cache.view(['AAPL']).quotes[0].price === polled.price + 1.25,
      'the cached streamed price',
    );
    expect(cache.view(['AAPL']).quotes[0]).toEqual(
      expect.objectContaining({ stale: false, ageSec: 0 }),
    );
    expect(mock().count(SNAPSHOT)).toBe(1);
  });

  it('a pushed price is fresh while the symbols a failed refresh left behind stay stale', async () => {
    const p = await provider(['AAPL', 'MSFT']);
    const cache = new PriceCache((s) => p.fetchQuotes(s), clock(), {
      source: 'polygon',
      ttlMs: 30_000,
      staleAfterMs: 180_000,
    });
    p.quotes$.subscribe((quote) => cache.push([quote]));
    await cache.get(['AAPL', 'MSFT']);
    await streaming(p);
    await subscribed(['T.AAPL']);
    mock().inject({ kind: 'status', status: 503, path: SNAPSHOT, times: 2 });
    clock().advance(30_000);
    expect((await cache.get(['AAPL', 'MSFT'])).quotes.map((q) => q.stale)).toEqual([true, true]);
    clock().advance(1_000);
    mock().stream.trade('AAPL', 199.99);
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
    mock().stream.minute(minute);
    mock().stream.minute({ ...minute, volume: 18_300 });
    mock().stream.minute({ ...minute, time: minute.time - 60_000 });
    mock().stream.trade('AAPL', 200.5);
    await until(
      () => p.health().stream === 'streaming' && p.recentBars('AAPL', 5).at(-1)?.volume === 18_300,
      'the revised minute',
    );
    expect(bars).toEqual([minute]);
    expect(p.recentBars('AAPL', 5)).toEqual([{ ...minute, volume: 18_300 }]);
    // The AM minutes follow the history without a gap now, so the minute schedule leaves AAPL to the stream.
    const aggregates = mock().count('/v2/aggs/ticker/AAPL/range');
    clock().advance(120_000);
    await p.refreshBars();
    expect(mock().count('/v2/aggs/ticker/AAPL/range')).toBe(aggregates);
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
    clock().advance(30_000);
    mock().stream.tick();
    await until(() => pushed.length === 1, 'a live trade');
    expect(bars).toEqual([]);
    clock().advance(60_000);
    mock().stream.tick();
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
});
