import request from 'supertest';
import { FAST_MARKET, TRADING_SESSION, waitFor } from './paper-trading.helpers';
import { startTestApp, type TestApp } from './test-app';

interface TradeRow {
  id: string;
  orderId: string;
  sessionId: string | null;
  symbol: string;
  side: string;
  quantity: string;
  realizedPnl: string;
}

describe('a trading session on the simulated market at 600× (real HTTP, real SQLite file)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const trades = async (accountId: string): Promise<TradeRow[]> =>
    (await http().get('/api/trades').query({ accountId, limit: 1000 }).expect(200)).body.data.items;
  /** An account of the `it`'s own, so it sees only the sessions, orders and fills it made itself. */
  const newAccount = async (name: string): Promise<string> =>
    (await http().post('/api/accounts').send({ name }).expect(201)).body.data.id;

  beforeAll(async () => {
    t = await startTestApp(FAST_MARKET);
  });

  afterAll(async () => {
    await t.close();
  });

  it('trades: strategy signals become orders and fills, visible in trades, portfolio, decisions and chart data', async () => {
    const accountId = await newAccount('strategy round trip');
    const started = (
      await http()
        .post('/paper-trading/start')
        .send({ ...TRADING_SESSION, accountId })
        .expect(200)
    ).body.data;
    const fills = await waitFor(async () => {
      const rows = await trades(accountId);
      return rows.some((r) => r.side === 'sell') && rows.length >= 3 ? rows : undefined;
    }, 'a round trip of strategy fills');
    expect(fills.every((f) => f.sessionId === started.sessionId)).toBe(true);
    expect(fills.map((f) => f.realizedPnl)).toEqual(
      fills.map(() => expect.stringMatching(/^-?\d+\.\d\d$/)),
    );

    const decisions = (
      await http()
        .get('/api/decisions')
        .query({ accountId, outcome: 'approved', limit: 1000 })
        .expect(200)
    ).body.data.items;
    const filledOrders = new Set(fills.map((f) => f.orderId));
    const behindFills = decisions.filter((d: { orderId: string }) => filledOrders.has(d.orderId));
    expect(behindFills.length).toBeGreaterThan(0);
    for (const decision of behindFills) {
      expect(decision).toMatchObject({
        strategy: 'ma-crossover',
        sessionId: started.sessionId,
        riskOutcome: 'approved',
      });
      expect(Object.keys(decision.indicators).length).toBeGreaterThan(0);
      const order = (await http().get(`/api/orders/${decision.orderId}`).expect(200)).body.data;
      expect(order).toMatchObject({
        source: 'strategy',
        symbol: decision.symbol,
        sessionId: started.sessionId,
      });
    }

    const chart = (await http().get('/api/chart-data').query({ accountId }).expect(200)).body.data;
    expect(chart.fills.map((f: { tradeId: string }) => f.tradeId)).toEqual(
      expect.arrayContaining(fills.map((f) => f.id)),
    );

    const stopped = (await http().post('/paper-trading/stop').send({ accountId }).expect(200)).body
      .data;
    expect(stopped.state).toBe('idle');
    const open = (await http().get('/api/orders').query({ accountId, status: 'open' }).expect(200))
      .body.data;
    expect(open.filter((o: { source: string }) => o.source === 'strategy')).toEqual([]);

    const after = await trades(accountId);
    const held = new Map<string, number>();
    for (const f of after)
      held.set(
        f.symbol,
        (held.get(f.symbol) ?? 0) + (f.side === 'buy' ? 1 : -1) * Number(f.quantity),
      );
    const portfolio = (await http().get('/api/portfolio').query({ accountId }).expect(200)).body
      .data;
    for (const position of portfolio.positions)
      expect(Number(position.quantity)).toBeCloseTo(held.get(position.symbol) as number, 6);
    const health = await http().get('/health').expect(200);
    expect(health.body.data.details.portfolio).toMatchObject({ status: 'up', state: 'ok' });
  });

  it('takes a PATCHed risk limit at the next order without a restart', async () => {
    const account = (
      await http().post('/api/accounts').send({ name: 'patched', startingCapital: 500 }).expect(201)
    ).body.data;
    const order = {
      accountId: account.id,
      symbol: 'AAPL',
      side: 'buy',
      type: 'market',
      notional: 73.1,
    };
    await http().post('/api/orders').send(order).expect(422);
    await http()
      .patch('/api/config')
      .query({ accountId: account.id })
      .send({ risk: { maxPositionPct: 20 } })
      .expect(200);
    const filled = (await http().post('/api/orders').send(order).expect(201)).body.data;
    expect(filled.status).toBe('filled');
    await http()
      .patch('/api/config')
      .query({ accountId: account.id })
      .send({ risk: { maxPositionPct: 1 } })
      .expect(200);
    const res = await http()
      .post('/api/orders')
      .send({ ...order, notional: 10 })
      .expect(422);
    expect(res.body.error).toMatchObject({ code: 'RISK_MAX_POSITION' });
    expect(res.body.error.limit).toBeCloseTo(
      Number(
        (await http().get('/api/portfolio').query({ accountId: account.id })).body.data.equity,
      ) / 100,
      1,
    );
  });

  it('lets a running session follow PATCHed params and interval it took from the config, keeping explicit symbols', async () => {
    const account = (await http().post('/api/accounts').send({ name: 'follower' }).expect(201)).body
      .data;
    const config = (await http().get('/api/config').query({ accountId: account.id }).expect(200))
      .body.data;
    const started = (
      await http()
        .post('/paper-trading/start')
        .send({ accountId: account.id, strategy: 'ma-crossover', symbols: ['AAPL'] })
        .expect(200)
    ).body.data;
    expect(started.params).toEqual(config.strategies['ma-crossover']);
    const fast = config.strategies['ma-crossover'].fast + 1;
    await http()
      .patch('/api/config')
      .query({ accountId: account.id })
      .send({ strategies: { 'ma-crossover': { fast } }, signalIntervalSec: 120 })
      .expect(200);
    const followed = await waitFor(async () => {
      const status = (await http().get('/paper-trading/status').query({ accountId: account.id }))
        .body.data;
      return status.params.fast === fast && status.signalIntervalSec === 120 ? status : undefined;
    }, 'the session to follow the config');
    expect(followed).toMatchObject({
      state: 'running',
      sessionId: started.sessionId,
      symbols: ['AAPL'],
    });
    await http().post('/paper-trading/stop').send({ accountId: account.id }).expect(200);
  });

  it('restarts on the same file with identical fills, orders, cash and positions', async () => {
    // Fills, orders, cash and a position of its own to carry across the restart.
    const accountId = await newAccount('restart snapshot');
    await http()
      .post('/api/orders')
      .send({ accountId, symbol: 'AAPL', side: 'buy', type: 'market', quantity: 0.1 })
      .expect(201);
    await http()
      .post('/api/orders')
      .send({ accountId, symbol: 'AAPL', side: 'sell', type: 'market', quantity: 0.04 })
      .expect(201);
    await http()
      .post('/api/orders')
      .send({ accountId, symbol: 'MSFT', side: 'buy', type: 'market', notional: 20 })
      .expect(201);
    const snapshot = async () => ({
      trades: await trades(accountId),
      orders: (await http().get('/api/orders').query({ accountId, limit: 1000 }).expect(200)).body
        .data,
      portfolio: (({ cash, positions, realizedPnl }) => ({
        cash,
        realizedPnl,
        positions: positions.map((p: { symbol: string; quantity: string; avgCost: string }) => [
          p.symbol,
          p.quantity,
          p.avgCost,
        ]),
      }))((await http().get('/api/portfolio').query({ accountId }).expect(200)).body.data),
    });
    const before = await snapshot();
    expect(before.trades.length).toBeGreaterThan(0);
    const dataDir = t.dataDir;
    await t.close();
    t = await startTestApp(FAST_MARKET, dataDir);
    expect(await snapshot()).toEqual(before);
  });

  it('resumes a session that was running at shutdown, keeping every fill once, and trades on', async () => {
    const accountId = await newAccount('resumed at restart');
    const started = (
      await http()
        .post('/paper-trading/start')
        .send({ ...TRADING_SESSION, accountId })
        .expect(200)
    ).body.data;
    await waitFor(
      async () =>
        (await http().get('/paper-trading/status').query({ accountId })).body.data.tickCount >= 3
          ? true
          : undefined,
      'three ticks',
    );
    const before = await trades(accountId);
    const dataDir = t.dataDir;
    await t.close();
    t = await startTestApp(FAST_MARKET, dataDir);
    await waitFor(async () => {
      const status = (await http().get('/paper-trading/status').query({ accountId })).body.data;
      return status.sessionId === started.sessionId && status.tickCount >= 2 ? true : undefined;
    }, 'the resumed session to tick');
    const after = await trades(accountId);
    for (const trade of before) expect(after).toContainEqual(trade);
    expect(new Set(after.map((r) => r.id)).size).toBe(after.length);
    await http().post('/paper-trading/stop').send({ accountId }).expect(200);
    const health = await http().get('/health').expect(200);
    expect(health.body.data.details.portfolio).toMatchObject({ status: 'up', state: 'ok' });
  });
});
