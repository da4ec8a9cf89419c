import { Secret } from '@ptp/api/config';
import { WebSocketServer } from 'ws';
import { STREAM_KEY, SNAPSHOT, usePolygonStream } from '../../../test/polygon-stream';
import { until } from '../../../test/until';
import type { ProviderQuote } from '../provider/market-data.provider';

describe('Polygon provider WebSocket connection failures and fallbacks, against the loopback mock (real socket)', () => {
  const { mock, logs, provider, streaming, subscribed } = usePolygonStream();

  it('reconnects after the server drops it, subscribes everything again, and polls REST in between', async () => {
    const p = await provider(['AAPL', 'MSFT']);
    const pushed: ProviderQuote[] = [];
    p.quotes$.subscribe((quote) => pushed.push(quote));
    await streaming(p);
    await subscribed(['T.AAPL', 'T.MSFT']);
    mock().stream.trade('AAPL', 201.37);
    await until(() => pushed.length === 1, 'the streamed trade');
    mock().stream.dropAll();
    await until(
      () => mock().stream.connectionCount === 2 && mock().stream.subscriptions.length === 1,
      'the second connection',
    );
    await subscribed(['T.AAPL', 'AM.AAPL', 'T.MSFT', 'AM.MSFT']);
    expect(mock().stream.received.filter((m) => m.connection === 2)).toEqual([
      { connection: 2, action: 'auth', params: '[key]' },
      { connection: 2, action: 'subscribe', params: 'T.AAPL,AM.AAPL,T.MSFT,AM.MSFT' },
    ]);
    expect(
      logs().some((line) => /connection closed.*polling REST, next connection in/.test(line)),
    ).toBe(true);
    // Trades may have been missed while it was down: the streamed price is not trusted any more.
    const batch = await p.fetchQuotes(['AAPL']);
    expect(mock().count(SNAPSHOT)).toBe(1);
    expect(batch.quotes[0].price).not.toBe(201.37);
  });

  it('falls back to REST polling when authentication fails, and says so in health', async () => {
    mock().stream.entitled = false;
    const p = await provider(['AAPL']);
    await until(() => p.health().stream === 'auth_failed', 'auth_failed');
    expect(p.health()).toEqual({
      state: 'ok',
      stream: 'auth_failed',
      message: expect.stringMatching(
        /REST polling; WebSocket auth_failed: authentication failed \(key invalid or plan without streaming\)/,
      ),
    });
    expect(mock().stream.received).toEqual([{ connection: 1, action: 'auth', params: '[key]' }]);
    const batch = await p.fetchQuotes(['AAPL']);
    expect(batch.quotes).toHaveLength(1);
    expect(mock().count(SNAPSHOT)).toBe(1);
    // The line is logged when the socket has closed, which can come after the health state.
    await until(
      () =>
        logs().some((line) =>
          /authentication failed.*polling REST, next connection in 3600000 ms/.test(line),
        ),
      'the authentication failure to be logged',
    );
  });

  it('refuses a wrong key without logging either key', async () => {
    const p = await provider(['AAPL'], { apiKey: new Secret('wrong-stream-key-77') });
    await until(() => p.health().stream === 'auth_failed', 'auth_failed');
    expect(mock().stream.received).toEqual([
      { connection: 1, action: 'auth', params: '[wrong key]' },
    ]);
    expect(logs().filter((line) => line.includes('wrong-stream-key-77'))).toEqual([]);
  });

  it('does not log a key someone put into the WebSocket URL', async () => {
    const p = await provider(['AAPL'], {
      websocketUrl: `${mock().websocketUrl}?apiKey=${STREAM_KEY}`,
    });
    await streaming(p);
    expect(logs()).toContain(`Polygon WebSocket ${mock().websocketUrl} streaming 1 symbols`);
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
    await until(
      () => logs().some((line) => line.includes('polling REST')),
      'the failed connection',
    );
    expect(p.health()).toEqual(expect.objectContaining({ state: 'ok', stream: 'reconnecting' }));
    expect((await p.fetchQuotes(['AAPL'])).quotes).toHaveLength(1);
  });
});
