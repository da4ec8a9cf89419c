import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MarketBar } from '@ptp/contracts';
import { session, type TradingSession } from '@ptp/domain';
import { type OrderView, useOrdersApp } from './orders.helpers';
import { waitFor } from './paper-trading.helpers';

interface TradeView {
  orderId: string;
  quantity: string;
  price: string;
  time: string;
}

interface Transition {
  status: string;
  reason: string;
}

/** 0.00001 % of a bar's volume: a tenth of a millionth of a share per share traded. */
const MAX_VOLUME_PCT = 0.00001;
/** What one order may fill on a bar, in millionths of a share (the quantity step): floor(volume / 10). */
const capacityMicros = (bar: MarketBar) => Math.floor(bar.volume / 10);
const micros = (quantity: string) => Math.round(Number(quantity) * 1e6);

/** Calls on capped accounts: their trades, bars, and waiting for an order's status. */
function cappedOrders({ http, order }: ReturnType<typeof useOrdersApp>) {
  /** A fresh account (of $500 unless given) whose orders fill at most MAX_VOLUME_PCT of each bar's volume. */
  const cappedAccount = async (name: string, startingCapital = 500): Promise<string> => {
    const created = await http().post('/api/accounts').send({ name, startingCapital }).expect(201);
    const accountId: string = created.body.data.id;
    const execution = { maxVolumePct: MAX_VOLUME_PCT };
    await http().patch('/api/config').query({ accountId }).send({ execution }).expect(200);
    return accountId;
  };
  const tradesOf = async (accountId: string, orderId: string): Promise<TradeView[]> => {
    const res = await http().get('/api/trades').query({ accountId, limit: 1000 }).expect(200);
    const items = res.body.data.items as TradeView[];
    return items.filter((t) => t.orderId === orderId).sort((a, b) => a.time.localeCompare(b.time));
  };
  const minuteBars = async (
    symbol: string,
    from: number,
    to: number,
  ): Promise<Map<number, MarketBar>> => {
    const query = { symbol, timespan: 'minute', from, to };
    const res = await http().get('/api/market/bars').query(query).expect(200);
    return new Map((res.body.data.bars as MarketBar[]).map((bar) => [bar.time, bar]));
  };
  const settled = (id: string, status: string) =>
    waitFor(async () => {
      const seen = await order(id);
      return seen.status === status ? seen : undefined;
    }, `order ${id} to be ${status}`);
  const statuses = (o: OrderView) =>
    (o as OrderView & { transitions: Transition[] }).transitions.map((t) => t.status);
  /**
   * Waits for `placed` to fill `quantity` (in millionths) and checks it filled bar by bar: one trade
   * per minute bar after it was placed, the bars following each other, each fill taking the whole
   * cap but the last. Returns the filled order.
   */
  const filledBarByBar = async (accountId: string, placed: OrderView, quantity: number) => {
    const filled = await settled(placed.id, 'filled');
    expect(statuses(filled)).toContain('partially_filled');
    const fills = await tradesOf(accountId, placed.id);
    expect(fills.length).toBeGreaterThan(1);
    expect(fills.reduce((sum, t) => sum + micros(t.quantity), 0)).toBe(quantity);
    const created = Date.parse((placed as OrderView & { createdAt: string }).createdAt);
    const times = fills.map((t) => Date.parse(t.time));
    const symbol = (placed as OrderView & { symbol: string }).symbol;
    const bars = await minuteBars(symbol, created, times[times.length - 1]);
    expect(times[0]).toBeGreaterThan(created);
    times.forEach((time, i) => {
      if (i > 0) expect(time - times[i - 1]).toBe(60_000);
      const bar = bars.get(time);
      expect(bar).toBeDefined();
      const allowed = capacityMicros(bar as MarketBar);
      if (i < fills.length - 1) expect(micros(fills[i].quantity)).toBe(allowed);
      else expect(micros(fills[i].quantity)).toBeLessThanOrEqual(allowed);
    });
    const notional = fills.reduce((sum, t) => sum + micros(t.quantity) * Number(t.price), 0);
    expect(Number(filled.avgFillPrice)).toBeCloseTo(notional / quantity, 4);
    return filled;
  };
  return { cappedAccount, tradesOf, settled, statuses, filledBarByBar };
}

describe('volume-capped fills in live paper trading (real HTTP, SQLite, simulated market at 600×)', () => {
  const app = useOrdersApp();
  const { http, place, order, price } = app;
  const { cappedAccount, tradesOf, settled, filledBarByBar } = cappedOrders(app);

  it('fills a market order larger than a bar allows over successive minute bars, one trade per bar', async () => {
    const accountId = await cappedAccount('capped market order');
    const placed = (
      await place({ accountId, symbol: 'AAPL', side: 'buy', type: 'market', quantity: 0.1 }).expect(
        201,
      )
    ).body.data;
    // A live price carries no volume: under the cap the order waits for the next bars.
    expect(placed).toMatchObject({ status: 'accepted', filledQuantity: '0' });
    const filled = await filledBarByBar(accountId, placed, 100_000);
    expect(filled.filledQuantity).toBe('0.1');
    const book = (await http().get('/api/portfolio').query({ accountId }).expect(200)).body.data;
    expect(book.positions).toEqual([expect.objectContaining({ symbol: 'AAPL', quantity: '0.1' })]);
  });

  it('fills a manual order on a symbol a running session does not trade, bar by bar at its ticks', async () => {
    const accountId = await cappedAccount('capped order beside a session');
    const session = { strategy: 'ma-crossover', symbols: ['SPY'], signalIntervalSec: 60 };
    await http()
      .post('/paper-trading/start')
      .send({ ...session, accountId })
      .expect(200);
    const request = { accountId, symbol: 'QQQ', side: 'buy', type: 'market', quantity: 0.05 };
    const placed = (await place(request).expect(201)).body.data;
    expect(placed.status).toBe('accepted');
    await filledBarByBar(accountId, placed, 50_000);
    await http().post('/paper-trading/stop').send({ accountId }).expect(200);
  });

  it('cancels the rest of an ioc order after the one fill its first bar allows', async () => {
    const accountId = await cappedAccount('capped ioc order');
    const request = { accountId, symbol: 'MSFT', side: 'buy', type: 'market', quantity: 0.1 };
    const placed = (await place({ ...request, timeInForce: 'ioc' }).expect(201)).body.data;
    const canceled = await settled(placed.id, 'canceled');
    expect(canceled.reason).toBe('ioc: the rest canceled after a partial fill');
    const fills = await tradesOf(accountId, placed.id);
    expect(fills).toHaveLength(1);
    expect(canceled.filledQuantity).toBe(fills[0].quantity);
    expect(micros(fills[0].quantity)).toBeGreaterThan(0);
    expect(micros(fills[0].quantity)).toBeLessThan(100_000);
  });

  it('sizes a bracket’s exits to what its entry has filled', async () => {
    // Large enough to stay partly filled for many bars (NVDA trades more shares than AAPL).
    const accountId = await cappedAccount('capped bracket', 5_000);
    const last = await price('NVDA');
    const entry = (
      await place({
        accountId,
        symbol: 'NVDA',
        side: 'buy',
        type: 'market',
        quantity: 2,
        takeProfit: Number((last * 1.5).toFixed(2)),
        stopLoss: Number((last * 0.5).toFixed(2)),
      }).expect(201)
    ).body.data;
    const exitsOf = async () =>
      ((await http().get('/api/orders').query({ accountId }).expect(200)).body.data as OrderView[])
        .filter((o) => o.parentId === entry.id)
        .map((o) => o.quantity);
    const partly = await waitFor(async () => {
      const seen = await order(entry.id);
      return seen.status === 'partially_filled' ? seen : undefined;
    }, 'the entry to fill partly');
    // Read together with the entry, the exits never cover more than it has filled.
    const early = await exitsOf();
    const filledSince = await order(entry.id);
    expect(early).toHaveLength(2);
    for (const quantity of early) {
      expect(micros(quantity as string)).toBeGreaterThanOrEqual(micros(partly.filledQuantity));
      expect(micros(quantity as string)).toBeLessThanOrEqual(micros(filledSince.filledQuantity));
    }
    await settled(entry.id, 'filled');
    expect(await exitsOf()).toEqual(['2', '2']);
  });
});

describe('volume-capped day orders on a market with NYSE hours (simulated at 100 000×)', () => {
  // A simulated market that keeps NYSE hours at 100 000×: a session passes in a quarter of a second.
  const configDir = mkdtempSync(join(tmpdir(), 'ptp-volume-cap-'));
  const simulated = { followMarketHours: true, speed: 100_000 };
  const config = JSON.stringify({ marketData: { provider: 'simulated', simulated } });
  writeFileSync(join(configDir, 'platform.json'), config);
  afterAll(() => rmSync(configDir, { recursive: true, force: true }));
  const app = useOrdersApp({ PLATFORM_CONFIG: join(configDir, 'platform.json') });
  const { place } = app;
  const { cappedAccount, tradesOf, settled, statuses } = cappedOrders(app);

  it('fills a day order only on bars of its session and expires the rest when the session is over', async () => {
    const accountId = await cappedAccount('capped day order', 100_000);
    const request = { accountId, symbol: 'AAPL', side: 'buy', type: 'market', quantity: 20 };
    const placed = (await place({ ...request, timeInForce: 'day' }).expect(201)).body.data;
    const expired = await settled(placed.id, 'expired');
    const date = /^day order: session (\d{4}-\d{2}-\d{2}) is over$/.exec(expired.reason ?? '');
    expect(date).not.toBeNull();
    expect(statuses(expired)).toContain('partially_filled');
    const fills = await tradesOf(accountId, placed.id);
    const filled = fills.reduce((sum, t) => sum + micros(t.quantity), 0);
    expect(micros(expired.filledQuantity)).toBe(filled);
    expect(filled).toBeGreaterThan(0);
    expect(filled).toBeLessThan(20_000_000);
    const hours = session((date as RegExpExecArray)[1]) as TradingSession;
    for (const fill of fills) {
      const time = Date.parse(fill.time);
      expect(time >= hours.open && time < hours.close).toBe(true);
    }
  });
});
