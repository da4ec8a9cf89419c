import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TradingDesks } from '@ptp/api/paper-trading';
import { DESK_TEST_PLATFORM_CONFIG, PriceFeed, uniqueSymbol } from '@ptp/api/paper-trading/testing';
import { CorporateActivityEntity } from '@ptp/api/persistence';
import type { ActivitiesPage, ActivityItem, DecisionsPage } from '@ptp/contracts';
import { addDays, DAY_MS, newYorkDate, type Bar, type CorporateActions } from '@ptp/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { disposeTestApp, startTestApp, type TestApp } from './test-app';

/**
 * Splits and dividends as ledger activities, over real HTTP on a real SQLite file: an account buys
 * 10 shares, the desk's engine is given a 1-for-2 split and a $0.25 dividend (as a corporate-action
 * source would give them), and new trading days book them. No fees or slippage, so every figure is
 * known exactly.
 */
describe('corporate-action activities (real HTTP, SQLite, restart)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ptp-activities-'));
  const platformConfig = join(dataDir, 'platform.json');
  writeFileSync(platformConfig, JSON.stringify(DESK_TEST_PLATFORM_CONFIG));
  const symbol = uniqueSymbol();
  const feed = new PriceFeed();
  let t: TestApp | undefined;
  let accountId = '';
  /** The fill's time; the split's and the dividend's days are the next two New York dates. */
  let filledAt = 0;

  const start = async () => {
    t = await startTestApp({ PLATFORM_CONFIG: platformConfig }, dataDir);
    return t;
  };
  const http = () => request((t as TestApp).app.getHttpServer());
  const get = async <T>(path: string, query: Record<string, string> = {}): Promise<T> =>
    (
      await http()
        .get(path)
        .query({ accountId, ...query })
        .expect(200)
    ).body.data;
  const activities = (type?: string) =>
    get<ActivitiesPage>('/api/activities', type ? { type } : {});
  /** A completed bar at `time`: it prices the account and may start a trading day. */
  const barAt = (time: number, close: number): Bar => ({
    symbol,
    time,
    open: close,
    high: close,
    low: close,
    close,
    volume: 1_000,
  });
  /** Feeds the bar, then waits for the account's queue: a new day's bookings are written by then. */
  const newDay = async (time: number, close: number) => {
    const desks = (t as TestApp).app.get(TradingDesks);
    desks.notePrices([barAt(time, close)], []);
    await desks.withDesk(accountId, async () => undefined);
  };
  const position = async () =>
    (
      await get<{ positions: { symbol: string; quantity: string; avgCost: string }[] }>(
        '/api/portfolio',
      )
    ).positions.find((p) => p.symbol === symbol);

  beforeAll(async () => {
    await start();
    accountId = (
      await http()
        .post('/api/accounts')
        .send({ name: 'Splits', startingCapital: 100_000 })
        .expect(201)
    ).body.data.id;
    const first = feed.bar(symbol, 100);
    filledAt = first.time;
    (t as TestApp).app.get(TradingDesks).notePrices([first], []);
    await http()
      .post('/api/orders')
      .send({ accountId, symbol, side: 'buy', type: 'market', quantity: 10 })
      .expect(201);
    const day = newYorkDate(filledAt);
    const actions: CorporateActions = {
      splits: [{ ticker: symbol, execution_date: addDays(day, 1), split_from: 1, split_to: 2 }],
      dividends: [
        {
          ticker: symbol,
          cash_amount: 0.25,
          ex_dividend_date: addDays(day, 1),
          pay_date: addDays(day, 2),
        },
      ],
    };
    await (t as TestApp).app
      .get(TradingDesks)
      .withDesk(accountId, (desk) => desk.scheduleCorporateActions(actions));
  });

  afterAll(() => disposeTestApp(t));

  it('books the split and the accrual on the new day: own rows, the position moved, equity kept', async () => {
    const before = await get<{ equity: string; cash: string }>('/api/portfolio');
    expect(before.cash).toBe('99000.00');
    await newDay(filledAt + DAY_MS, 50);
    expect(await position()).toMatchObject({ quantity: '20', avgCost: '50' });
    const after = await get<{ equity: string; cash: string }>('/api/portfolio');
    expect(after.cash).toBe('99000.00');
    // 20 shares at 50 plus the $2.50 receivable.
    expect(after.equity).toBe('100002.50');
    const rows = await (t as TestApp).app
      .get(DataSource)
      .getRepository(CorporateActivityEntity)
      .find({ where: { accountId }, order: { id: 'ASC' } });
    expect(rows.map((row) => [row.type, row.symbol, row.fillsBefore])).toEqual([
      ['dividend', symbol, 1],
      ['split', symbol, 1],
    ]);
  });

  it('lists fills, splits and dividends newest first, filtered by type, with decimal strings', async () => {
    const all = await activities();
    expect(all.total).toBe(3);
    expect(all.items.map((item) => item.type)).toEqual(['split', 'dividend', 'fill']);
    const [split, dividend, fill] = all.items;
    expect(split).toEqual<ActivityItem>({
      id: `${accountId}-A2`,
      accountId,
      type: 'split',
      symbol,
      time: new Date(filledAt + DAY_MS).toISOString(),
      date: addDays(newYorkDate(filledAt), 1),
      splitFrom: '1',
      splitTo: '2',
      quantityBefore: '10',
      quantityAfter: '20',
    });
    expect(dividend).toMatchObject({
      type: 'dividend',
      phase: 'accrued',
      cashAmount: '0.25',
      quantity: '10',
      amount: '2.5',
    });
    expect(fill).toMatchObject({ type: 'fill', side: 'buy', quantity: '10', price: '100' });
    for (const type of ['split', 'dividend', 'fill']) {
      const page = await activities(type);
      expect(page.items.map((item) => item.type)).toEqual([type]);
      expect(page.total).toBe(1);
    }
    const corporate = await activities('split,dividend');
    expect(corporate.items.map((item) => item.type)).toEqual(['split', 'dividend']);
    const paged = await get<ActivitiesPage>('/api/activities', { limit: '1', offset: '1' });
    expect(paged).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(paged.items.map((item) => item.type)).toEqual(['dividend']);
  });

  it('refuses an unknown type with a machine-readable code', async () => {
    const refused = await http()
      .get('/api/activities')
      .query({ accountId, type: 'split,bonus' })
      .expect(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('puts each split and dividend in the decisions audit trail', async () => {
    const page = await get<DecisionsPage>('/api/decisions');
    const entries = page.items.filter((d) => d.strategy === 'corporate-action');
    expect(entries.map((d) => [d.action, d.symbol, d.riskOutcome, d.orderId])).toEqual([
      ['split', symbol, 'none', null],
      ['dividend', symbol, 'none', null],
    ]);
    expect(entries[0].reason).toContain('2-for-1 split');
    expect(entries[1].reason).toContain('$2.5 receivable');
  });

  it('pays the dividend on its pay date, and a restart restores the same ledger', async () => {
    await newDay(filledAt + 2 * DAY_MS, 50);
    const paid = await get<{ equity: string; cash: string }>('/api/portfolio');
    expect(paid).toMatchObject({ cash: '99002.50', equity: '100002.50' });
    const ledger = await activities();
    expect(ledger.items.map((item) => item.type)).toEqual([
      'dividend',
      'split',
      'dividend',
      'fill',
    ]);

    await (t as TestApp).close();
    t = undefined;
    await start();
    const restored = await get<{ equity: string; cash: string }>('/api/portfolio');
    expect(restored.cash).toBe(paid.cash);
    expect(await position()).toMatchObject({ quantity: '20', avgCost: '50' });
    expect(await activities()).toEqual(ledger);
    // The ledger check adds the split's shares and the paid dividend to what the fills give.
    const health = (await http().get('/health')).body.data;
    expect(health.details.portfolio).toMatchObject({ status: 'up', state: 'ok' });
    // The restored engine trades on from there: the 20 shares sell.
    await newDay(filledAt + 2 * DAY_MS + 60_000, 55);
    await http()
      .post('/api/orders')
      .send({ accountId, symbol, side: 'sell', type: 'market', quantity: 20 })
      .expect(201);
    expect(await position()).toBeUndefined();
  });

  it('answers Alpaca clients: DIV (paid) and SPLIT non-trade activities next to FILL', async () => {
    const alpaca = async (path: string, query: Record<string, string> = {}) =>
      (
        await http()
          .get(path)
          .query({ accountId, ...query })
          .expect(200)
      ).body as {
        activity_type: string;
        [field: string]: unknown;
      }[];
    const nonTrade = await alpaca('/v2/account/activities', { activity_types: 'DIV,SPLIT' });
    expect(nonTrade).toEqual([
      expect.objectContaining({
        activity_type: 'DIV',
        date: addDays(newYorkDate(filledAt), 2),
        net_amount: '2.5',
        symbol,
        qty: '10',
        per_share_amount: '0.25',
      }),
      expect.objectContaining({ activity_type: 'SPLIT', net_amount: '0', symbol, qty: '10' }),
    ]);
    const every = await alpaca('/v2/account/activities', { direction: 'asc' });
    expect(every.map((a) => a.activity_type)).toEqual(['FILL', 'SPLIT', 'DIV', 'FILL']);
    expect((await alpaca('/v2/account/activities/SPLIT')).map((a) => a.activity_type)).toEqual([
      'SPLIT',
    ]);
    expect(await alpaca('/v2/account/activities/FILL')).toHaveLength(2);
    const refused = await http()
      .get('/v2/account/activities')
      .query({ accountId, activity_types: 'FILL,TRANS' })
      .expect(422);
    expect(refused.body.code).toBeDefined();
  });

  it('clears the activities with the rest of the history on a reset', async () => {
    await http().post(`/api/accounts/${accountId}/reset`).send({ confirm: true }).expect(200);
    expect(await activities()).toMatchObject({ items: [], total: 0 });
  });
});
