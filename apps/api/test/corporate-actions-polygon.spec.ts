import { rmSync } from 'node:fs';
import { EngineStateEntity } from '@ptp/api/persistence';
import type { Portfolio, PortfolioPosition } from '@ptp/contracts';
import {
  addDays,
  type EngineSnapshot,
  newYorkDate,
  newYorkWallTimeToUtc,
  session,
} from '@ptp/domain';
import { PolygonMockServer } from '@ptp/tools/polygon-mock';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { poll, writePlatformConfig } from './market-data.helpers';
import { disposeTestApp, startTestApp, type TestApp } from './test-app';

const KEY = 'pk_live_9b1d7e3c5a2f4068';

/** The next `count` NYSE sessions after today (the mock's clock runs a few days ahead of the wall). */
function nextSessions(count: number): string[] {
  const dates: string[] = [];
  for (
    let date = addDays(newYorkDate(Date.now()), 1);
    dates.length < count;
    date = addDays(date, 1)
  )
    if (session(date)) dates.push(date);
  return dates;
}

describe('a position held over a split and a dividend through the Polygon mock (real HTTP)', () => {
  const [before, exDate, payDate] = nextSessions(3);
  const elevenOn = (date: string) => newYorkWallTimeToUtc(date, 11 * 60);
  let mockNow = elevenOn(before);
  let mock: PolygonMockServer;
  let t: TestApp;
  let configDir: string;

  beforeAll(async () => {
    mock = new PolygonMockServer({
      apiKey: KEY,
      now: () => mockNow,
      corporateActions: {
        splits: [{ ticker: 'AAPL', execution_date: exDate, split_from: 1, split_to: 4 }],
        dividends: [
          {
            ticker: 'AAPL',
            cash_amount: 0.5,
            ex_dividend_date: exDate,
            record_date: exDate,
            pay_date: payDate,
            dividend_type: 'CD',
            frequency: 4,
          },
        ],
      },
    });
    await mock.start();
    // Quotes fetched afresh on every request, so each order sees the mock's day.
    const { dir, path } = writePlatformConfig('ptp-corporate-', {
      trading: { watchlist: ['SPY', 'AAPL'] },
      marketData: { cacheTtlSec: 0, polygon: { requestsPerMinute: 10_000, maxRetries: 1 } },
    });
    configDir = dir;
    t = await startTestApp({
      POLYGON_API_KEY: KEY,
      POLYGON_BASE_URL: mock.baseUrl,
      PLATFORM_CONFIG: path,
    });
  });

  afterAll(async () => {
    await disposeTestApp(t);
    await mock.stop();
    rmSync(configDir, { recursive: true, force: true });
  });

  const http = () => request(t.app.getHttpServer());
  const portfolio = async (accountId: string): Promise<Portfolio> =>
    (await http().get('/api/portfolio').query({ accountId }).expect(200)).body.data;
  const aapl = (book: Portfolio): PortfolioPosition =>
    book.positions.find((p) => p.symbol === 'AAPL') as PortfolioPosition;
  /** A new price of the day rolls the account's engine into it: a limit order far below the market, withdrawn. */
  async function seeTheDay(accountId: string): Promise<void> {
    const placed = await http()
      .post('/api/orders')
      .send({ accountId, symbol: 'AAPL', side: 'buy', type: 'limit', quantity: 1, limitPrice: 1 })
      .expect(201);
    expect(['new', 'accepted']).toContain(placed.body.data.status);
    await http().delete(`/api/orders/${placed.body.data.id}`).query({ accountId }).expect(200);
  }
  async function pendingActions(accountId: string) {
    const row = await t.app
      .get(DataSource)
      .getRepository(EngineStateEntity)
      .findOneBy({ accountId });
    return row ? (JSON.parse(row.snapshot) as EngineSnapshot).corporateActions?.pending : undefined;
  }

  it('shows 4× the shares at a quarter of the cost, the dividend as a receivable, then as cash', async () => {
    const accountId = (
      await http()
        .post('/api/accounts')
        .send({ name: 'held over a split', startingCapital: 100_000 })
        .expect(201)
    ).body.data.id as string;
    const bought = await http()
      .post('/api/orders')
      .send({ accountId, symbol: 'AAPL', side: 'buy', type: 'market', quantity: 2 })
      .expect(201);
    expect(bought.body.data.status).toBe('filled');
    const paid = Number(bought.body.data.avgFillPrice);
    // The fill made the desk ask Polygon for AAPL's actions; they wait in the engine for their day.
    const pending = await poll(
      () => pendingActions(accountId),
      (actions) => (actions?.splits.length ?? 0) > 0 && (actions?.dividends.length ?? 0) > 0,
    );
    expect(pending?.splits).toEqual([
      expect.objectContaining({ execution_date: exDate, split_to: 4 }),
    ]);
    const asked = mock.requests.filter((r) => r.path.startsWith('/v3/reference/'));
    expect(asked.map((r) => [r.path, r.query['ticker'], r.auth])).toEqual([
      ['/v3/reference/splits', 'AAPL', 'bearer'],
      ['/v3/reference/dividends', 'AAPL', 'bearer'],
    ]);
    const held = await portfolio(accountId);
    expect(aapl(held)).toMatchObject({ quantity: '2' });
    expect(Number(held.cash)).toBeCloseTo(100_000 - 2 * paid, 2);

    mockNow = elevenOn(exDate);
    await seeTheDay(accountId);
    const split = await portfolio(accountId);
    const position = aapl(split);
    expect(position.quantity).toBe('8');
    expect(Number(position.avgCost)).toBeCloseTo(paid / 4, 6);
    expect(Number(position.costBasis)).toBeCloseTo(2 * paid, 2);
    // Cash is untouched until the pay date; the dividend on the 2 shares held at the previous close counts in equity.
    expect(Number(split.cash)).toBeCloseTo(100_000 - 2 * paid, 2);
    const marketValue = 8 * Number(position.lastPrice);
    expect(Number(split.equity)).toBeCloseTo(Number(split.cash) + marketValue + 2 * 0.5, 2);
    expect(Number(position.lastPrice)).toBeLessThan(paid / 2);

    mockNow = elevenOn(payDate);
    await seeTheDay(accountId);
    const after = await portfolio(accountId);
    expect(aapl(after)).toMatchObject({ quantity: '8' });
    expect(Number(after.cash)).toBeCloseTo(100_000 - 2 * paid + 1, 2);
    expect(Number(after.equity)).toBeCloseTo(
      Number(after.cash) + 8 * Number(aapl(after).lastPrice),
      2,
    );
    expect(JSON.stringify(mock.requests)).not.toContain(KEY);
  });
});
