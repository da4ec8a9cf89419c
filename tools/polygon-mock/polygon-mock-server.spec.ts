import { PolygonMockServer } from './polygon-mock-server';

const KEY = 'test-key';
/** Wednesday 2025-03-05, 10:30 New York: the market is open and an hour of minute bars exists. */
const NOW = Date.parse('2025-03-05T15:30:00Z');
const SESSION_OPEN = Date.parse('2025-03-05T14:30:00Z');

/** The parts of Polygon's snapshot and aggregates bodies these tests read. */
interface SnapshotBody {
  readonly tickers: ReadonlyArray<{
    readonly ticker: string;
    readonly lastQuote: { readonly P: number; readonly p: number };
    readonly min: { readonly t: number };
  }>;
}
interface AggregatesBody {
  readonly results?: ReadonlyArray<{ readonly t: number }>;
  readonly next_url?: string;
}

describe('PolygonMockServer', () => {
  let server: PolygonMockServer;
  let baseUrl: string;

  beforeEach(async () => {
    server = new PolygonMockServer({
      apiKey: KEY,
      seed: 7,
      symbols: ['SPY', 'AAPL'],
      now: () => NOW,
      maxPageSize: 25,
    });
    baseUrl = await server.start(0);
  });
  afterEach(() => server.stop());

  const get = (path: string, init?: RequestInit) => fetch(`${baseUrl}${path}`, init);
  const withKey = (path: string) => get(`${path}${path.includes('?') ? '&' : '?'}apiKey=${KEY}`);
  const json = async <T = Record<string, unknown>>(response: Response) =>
    (await response.json()) as T;

  it('listens on the loopback port it was given', () => {
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(baseUrl).not.toBe('http://127.0.0.1:0');
    expect(server.websocketUrl).toBe(`${baseUrl.replace('http', 'ws')}/stocks`);
  });

  describe('authentication', () => {
    it('refuses a request without a key or with the wrong one', async () => {
      const missing = await get('/v1/marketstatus/now');
      expect(missing.status).toBe(401);
      expect(await json(missing)).toMatchObject({
        status: 'ERROR',
        error: 'API Key was not provided',
      });

      const wrong = await get('/v1/marketstatus/now?apiKey=nope');
      expect(wrong.status).toBe(401);
      expect((await json(wrong))['error']).toBe('Unknown API Key');
    });

    it('takes the key as a query parameter or a bearer token and logs how, never the key itself', async () => {
      expect((await withKey('/v1/marketstatus/now')).status).toBe(200);
      expect(
        (await get('/v1/marketstatus/now', { headers: { Authorization: `Bearer ${KEY}` } })).status,
      ).toBe(200);
      expect(server.requests.map((r) => r.auth)).toEqual(['query', 'bearer']);
      expect(server.requests[0].query['apiKey']).toBe('[key]');
      expect(server.count('/v1/')).toBe(2);
    });
  });

  describe('snapshots', () => {
    it("answers the tickers asked for in Polygon's snapshot shape", async () => {
      const response = await withKey(
        '/v2/snapshot/locale/us/markets/stocks/tickers?tickers=SPY,UNKNOWN',
      );
      const body = await json<SnapshotBody>(response);
      expect(body).toMatchObject({ status: 'OK', count: 1 });
      const [ticker] = body.tickers;
      expect(ticker.ticker).toBe('SPY');
      expect(Object.keys(ticker).sort()).toEqual(
        [
          'day',
          'lastQuote',
          'lastTrade',
          'min',
          'prevDay',
          'ticker',
          'todaysChange',
          'todaysChangePerc',
          'updated',
        ].sort(),
      );
      expect(ticker.lastQuote.P).toBeGreaterThan(ticker.lastQuote.p);
      expect(ticker.min.t).toBe(NOW - 60_000);
    });

    it('writes nanosecond times as bare integers wider than a double', async () => {
      const text = await (
        await withKey('/v2/snapshot/locale/us/markets/stocks/tickers/AAPL')
      ).text();
      expect(text).toMatch(/"updated":\d{19}[,}]/);
    });

    it('answers 404 for an unknown ticker and 403 when the plan is not entitled', async () => {
      expect((await withKey('/v2/snapshot/locale/us/markets/stocks/tickers/NOPE')).status).toBe(
        404,
      );
      server.entitled = false;
      const response = await withKey('/v2/snapshot/locale/us/markets/stocks/tickers/SPY');
      expect(response.status).toBe(403);
      expect((await json(response))['status']).toBe('NOT_AUTHORIZED');
    });
  });

  it('lists its tickers in the reference, one by ticker=, none for another market or inactive ones', async () => {
    const reference = async (query: string) =>
      json<{ results: Array<{ ticker: string; type: string; active: boolean }>; count: number }>(
        await withKey(`/v3/reference/tickers?${query}`),
      );
    expect(await reference('ticker=SPY&market=stocks&active=true')).toEqual(
      expect.objectContaining({
        count: 1,
        status: 'OK',
        results: [expect.objectContaining({ ticker: 'SPY', type: 'ETF', active: true })],
      }),
    );
    expect((await reference('ticker=NOPE&market=stocks&active=true')).results).toEqual([]);
    expect((await reference('ticker=AAPL&market=crypto')).count).toBe(0);
    expect((await reference('ticker=AAPL&active=false')).count).toBe(0);
    expect((await reference('market=stocks')).results.map((r) => r.ticker)).toEqual([
      'SPY',
      'AAPL',
    ]);
  });

  describe('aggregates', () => {
    const todayMinutes = `/v2/aggs/ticker/SPY/range/1/minute/${SESSION_OPEN}/${NOW}`;

    it('pages completed minute bars with next_url until the range is exhausted', async () => {
      const first = await json<AggregatesBody>(await withKey(todayMinutes));
      expect(first).toMatchObject({
        ticker: 'SPY',
        status: 'OK',
        resultsCount: 25,
        adjusted: true,
      });
      expect(first.next_url).toContain(`${baseUrl}/v2/aggs/ticker/SPY/range/1/minute/`);

      const results = [...(first.results ?? [])];
      let next = first.next_url;
      while (next) {
        const page = await json<AggregatesBody>(
          await fetch(next, { headers: { Authorization: `Bearer ${KEY}` } }),
        );
        results.push(...(page.results ?? []));
        next = page.next_url;
      }
      const times = results.map((bar) => bar.t);
      // 14:30 to 15:29 UTC: the bar of 15:30 is still forming.
      expect(times).toHaveLength(60);
      expect(times[0]).toBe(SESSION_OPEN);
      expect(times.every((t, i) => i === 0 || t - times[i - 1] === 60_000)).toBe(true);
      expect(Object.keys(results[0]).sort()).toEqual(['c', 'h', 'l', 'n', 'o', 't', 'v', 'vw']);
    });

    it('leaves `results` out when there are none and marks delayed plans', async () => {
      const unknown = await json(
        await withKey('/v2/aggs/ticker/NOPE/range/1/day/2025-01-01/2025-01-31'),
      );
      expect(unknown).toMatchObject({ status: 'OK', resultsCount: 0 });
      expect(unknown).not.toHaveProperty('results');

      await server.stop();
      server = new PolygonMockServer({ apiKey: KEY, now: () => NOW, delayed: true });
      baseUrl = await server.start(0);
      expect(
        (await json(await withKey('/v2/aggs/ticker/SPY/range/1/day/2025-02-03/2025-02-07')))[
          'status'
        ],
      ).toBe('DELAYED');
    });

    it('answers 400 for a time it cannot parse', async () => {
      expect((await withKey('/v2/aggs/ticker/SPY/range/1/day/yesterday/2025-01-31')).status).toBe(
        400,
      );
    });
  });

  describe('faults', () => {
    it('answers a queued 429 with Retry-After once, then recovers', async () => {
      server.inject({ kind: 'status', status: 429, retryAfterSec: 3, path: '/v2/aggs' });
      const limited = await withKey('/v2/aggs/ticker/SPY/prev');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('3');
      expect((await withKey('/v2/aggs/ticker/SPY/prev')).status).toBe(200);
    });

    it('applies a fault only to its path', async () => {
      server.inject({ kind: 'status', status: 500, path: '/v2/last' });
      expect((await withKey('/v1/marketstatus/now')).status).toBe(200);
      expect((await withKey('/v2/last/trade/SPY')).status).toBe(500);
    });

    it('can send a truncated body or drop the connection', async () => {
      server.inject({ kind: 'malformed' });
      const malformed = await withKey('/v2/snapshot/locale/us/markets/stocks/tickers');
      // Jest's sandbox has its own SyntaxError class: match the message instead.
      await expect(malformed.json()).rejects.toThrow(/JSON/);

      server.inject({ kind: 'drop' });
      await expect(withKey('/v1/marketstatus/now')).rejects.toThrow();
    });
  });

  it('reports the market status from the NYSE calendar', async () => {
    const body = await json(await withKey('/v1/marketstatus/now'));
    expect(body).toMatchObject({
      market: 'open',
      exchanges: { nyse: 'open' },
      serverTime: '2025-03-05T10:30:00-05:00',
    });
  });
});
