import type { CorporateActions } from '@ptp/domain';
import { PolygonMockServer } from './polygon-mock-server';

const KEY = 'test-key';
/** Wednesday 2025-06-11, 11:00 New York. */
const NOW = Date.parse('2025-06-11T15:00:00Z');
const ACTIONS: CorporateActions = {
  splits: [
    { ticker: 'AAPL', execution_date: '2025-06-10', split_from: 1, split_to: 4 },
    { ticker: 'MSFT', execution_date: '2025-05-01', split_from: 1, split_to: 2 },
    { ticker: 'AAPL', execution_date: '2024-01-02', split_from: 3, split_to: 1 },
    { ticker: 'SPY', execution_date: '2025-07-01', split_from: 1, split_to: 3 },
  ],
  dividends: [
    {
      ticker: 'AAPL',
      cash_amount: 0.26,
      ex_dividend_date: '2025-05-12',
      pay_date: '2025-05-15',
      dividend_type: 'CD',
      frequency: 4,
    },
    { ticker: 'MSFT', cash_amount: 0.83, ex_dividend_date: '2025-05-15', pay_date: '2025-06-12' },
    { ticker: 'AAPL', cash_amount: 1.5, ex_dividend_date: '2025-08-11', pay_date: '2025-08-14' },
  ],
};

interface Page {
  readonly status: string;
  readonly results: Array<Record<string, unknown>>;
  readonly next_url?: string;
}

describe('PolygonMockServer corporate-action references', () => {
  let server: PolygonMockServer;
  let baseUrl: string;

  beforeEach(async () => {
    server = new PolygonMockServer({
      apiKey: KEY,
      seed: 7,
      symbols: ['SPY', 'AAPL', 'MSFT'],
      now: () => NOW,
      corporateActions: ACTIONS,
    });
    baseUrl = await server.start(0);
  });
  afterEach(() => server.stop());

  const get = (pathOrUrl: string) =>
    fetch(pathOrUrl.startsWith('http') ? pathOrUrl : `${baseUrl}${pathOrUrl}`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
  const page = async (pathOrUrl: string) => (await (await get(pathOrUrl)).json()) as Page;

  /** Every page of an answer, following next_url. */
  async function all(path: string): Promise<{ pages: number; results: Page['results'] }> {
    const results: Page['results'] = [];
    let next: string | undefined = path;
    let pages = 0;
    for (; next; pages++) {
      const body = await page(next);
      results.push(...body.results);
      next = body.next_url;
    }
    return { pages, results };
  }

  it('serves splits filtered by ticker and execution-date range, sorted and paged with next_url', async () => {
    const first = await page('/v3/reference/splits?limit=2');
    expect(first.status).toBe('OK');
    expect(first.results.map((s) => s['execution_date'])).toEqual(['2024-01-02', '2025-05-01']);
    expect(first.next_url).toMatch(new RegExp(`^${baseUrl}/v3/reference/splits\\?cursor=`));
    expect(first.next_url).not.toContain(KEY);
    const paged = await all('/v3/reference/splits?limit=1&order=desc');
    expect(paged.pages).toBe(4);
    expect(paged.results.map((s) => s['execution_date'])).toEqual([
      '2025-07-01',
      '2025-06-10',
      '2025-05-01',
      '2024-01-02',
    ]);
    const aapl = await all(
      '/v3/reference/splits?ticker=AAPL&execution_date.gte=2025-01-01&limit=1',
    );
    expect(aapl.results).toEqual([
      expect.objectContaining({
        ticker: 'AAPL',
        execution_date: '2025-06-10',
        split_from: 1,
        split_to: 4,
        id: expect.stringMatching(/^E/),
      }),
    ]);
    const reverse = await page('/v3/reference/splits?reverse_split=true');
    expect(reverse.results.map((s) => s['ticker'])).toEqual(['AAPL']);
  });

  it('serves dividends with their range filters and Polygon fields', async () => {
    const { pages, results } = await all(
      '/v3/reference/dividends?ticker=AAPL&ex_dividend_date.gte=2025-01-01&limit=1',
    );
    expect(pages).toBe(2);
    expect(results).toEqual([
      expect.objectContaining({
        ticker: 'AAPL',
        cash_amount: 0.26,
        currency: 'USD',
        ex_dividend_date: '2025-05-12',
        pay_date: '2025-05-15',
        dividend_type: 'CD',
        frequency: 4,
      }),
      expect.objectContaining({ ex_dividend_date: '2025-08-11', cash_amount: 1.5 }),
    ]);
    const paid = await page('/v3/reference/dividends?pay_date.lt=2025-06-01');
    expect(paid.results.map((d) => d['ticker'])).toEqual(['AAPL']);
  });

  it('checks the key and injects faults on these routes like on the others', async () => {
    expect((await fetch(`${baseUrl}/v3/reference/splits`)).status).toBe(401);
    server.inject({ kind: 'status', status: 429, retryAfterSec: 2, path: '/v3/reference/splits' });
    const limited = await get('/v3/reference/splits');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '2']);
    server.inject({ kind: 'status', status: 502, path: '/v3/reference/dividends' });
    expect((await get('/v3/reference/dividends')).status).toBe(502);
    server.inject({ kind: 'malformed', path: '/v3/reference/dividends' });
    await expect((await get('/v3/reference/dividends')).json()).rejects.toThrow();
    server.inject({ kind: 'drop', path: '/v3/reference/splits' });
    await expect(get('/v3/reference/splits')).rejects.toThrow();
    expect((await get('/v3/reference/splits')).status).toBe(200);
  });

  it('trades raw prices that jump at a split, and adjusts aggregates unless asked not to', async () => {
    server.corporateActions = { splits: [], dividends: [] };
    const unsplit = await dailyCloses('');
    server.corporateActions = ACTIONS;
    const raw = await dailyCloses('&adjusted=false');
    const adjusted = await dailyCloses('');
    // After AAPL's 1-for-3 of 2024, 2025-06-09 is before its 4-for-1 of 2025-06-10, 2025-06-10 after.
    expect(raw[0]).toBeCloseTo(unsplit[0] * 3, 3);
    expect(raw[1]).toBeCloseTo((unsplit[1] * 3) / 4, 3);
    expect(adjusted[0]).toBeCloseTo((unsplit[0] * 3) / 4, 3);
    expect(adjusted[1]).toBeCloseTo(raw[1], 4);
    const snapshot = (await (
      await get('/v2/snapshot/locale/us/markets/stocks/tickers/AAPL')
    ).json()) as { ticker: { lastTrade: { p: number } } };
    server.corporateActions = { splits: [], dividends: [] };
    const before = (await (
      await get('/v2/snapshot/locale/us/markets/stocks/tickers/AAPL')
    ).json()) as { ticker: { lastTrade: { p: number } } };
    expect(snapshot.ticker.lastTrade.p).toBeCloseTo((before.ticker.lastTrade.p * 3) / 4, 3);
  });

  async function dailyCloses(extra: string): Promise<number[]> {
    const body = (await (
      await get(`/v2/aggs/ticker/AAPL/range/1/day/2025-06-09/2025-06-10?sort=asc${extra}`)
    ).json()) as { results: Array<{ c: number }> };
    return body.results.map((bar) => bar.c);
  }
});
