import request from 'supertest';
import { FAST_MARKET, waitFor } from './paper-trading.helpers';
import { startTestApp, type TestApp } from './test-app';

interface OrderView {
  id: string;
  status: string;
  type: string;
  side: string;
  quantity: string | null;
  filledQuantity: string;
  avgFillPrice: string | null;
  parentId: string | null;
  reason: string | null;
}

describe('manual orders (real HTTP, real SQLite file, simulated market at 600×)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const price = async (symbol: string): Promise<number> =>
    (await http().get('/api/market/quotes').query({ symbols: symbol }).expect(200)).body.data[0]
      .price;
  const place = (body: object) => http().post('/api/orders').send(body);
  const placeBracket = (accountId: string, last: number) =>
    place({
      accountId,
      symbol: 'NVDA',
      side: 'buy',
      type: 'market',
      quantity: 0.05,
      takeProfit: Number((last * 1.001).toFixed(2)),
      stopLoss: Number((last * 0.999).toFixed(2)),
    });
  const order = async (id: string): Promise<OrderView> =>
    (await http().get(`/api/orders/${id}`).expect(200)).body.data;
  /** The default account unless one is named; each `it` that trades names an account of its own. */
  const portfolio = async (accountId?: string) =>
    (
      await http()
        .get('/api/portfolio')
        .query(accountId ? { accountId } : {})
        .expect(200)
    ).body.data;
  const trades = async (accountId: string) =>
    (await http().get('/api/trades').query({ accountId, limit: 1000 }).expect(200)).body.data
      .items as { orderId: string; quantity: string; side: string }[];
  /** A fresh $500 account, so an `it` sees only the orders, fills and positions it made itself. */
  const newAccount = async (name: string): Promise<string> =>
    (await http().post('/api/accounts').send({ name, startingCapital: 500 }).expect(201)).body.data
      .id;

  beforeAll(async () => {
    t = await startTestApp(FAST_MARKET);
  });

  afterAll(async () => {
    await t.close();
  });

  it('fills a market buy by quantity at once and books it in trades, positions and cash', async () => {
    const accountId = await newAccount('market by quantity');
    const res = await place({
      accountId,
      symbol: 'AAPL',
      side: 'buy',
      type: 'market',
      quantity: 0.1,
    }).expect(201);
    const filled: OrderView = res.body.data;
    expect(filled).toMatchObject({
      status: 'filled',
      side: 'buy',
      type: 'market',
      filledQuantity: '0.1',
      quantity: '0.1',
    });
    const fill = (await trades(accountId)).find((trade) => trade.orderId === filled.id);
    expect(fill).toMatchObject({ side: 'buy', quantity: '0.1' });
    const book = await portfolio(accountId);
    expect(book.positions).toEqual([
      expect.objectContaining({
        symbol: 'AAPL',
        quantity: '0.1',
        realizedPnl: '0.00',
        avgCost: expect.stringMatching(/^\d+(\.\d{1,6})?$/),
      }),
    ]);
    expect(Number(book.cash)).toBeCloseTo(500 - 0.1 * Number(filled.avgFillPrice), 2);
  });

  it('fills a first order for a symbol no session or watchlist has priced yet', async () => {
    const accountId = await newAccount('first IBM order');
    const res = await place({
      accountId,
      symbol: 'IBM',
      side: 'buy',
      type: 'market',
      notional: 10,
    }).expect(201);
    expect(res.body.data.status).toBe('filled');
  });

  it('fills a market buy by notional for at most that many dollars', async () => {
    const accountId = await newAccount('market by notional');
    const res = await place({
      accountId,
      symbol: 'MSFT',
      side: 'buy',
      type: 'market',
      notional: 20,
    }).expect(201);
    const filled: OrderView = res.body.data;
    expect(filled.status).toBe('filled');
    const spent = Number(filled.filledQuantity) * Number(filled.avgFillPrice);
    expect(spent).toBeLessThanOrEqual(20);
    expect(spent).toBeGreaterThan(19.9);
  });

  it('fills a marketable limit at once, rests one below the market, reserves its cash, and cancels it', async () => {
    const accountId = await newAccount('limits');
    const last = await price('SPY');
    const marketable = (
      await place({
        accountId,
        symbol: 'SPY',
        side: 'buy',
        type: 'limit',
        quantity: 0.01,
        limitPrice: Number((last * 1.05).toFixed(2)),
      }).expect(201)
    ).body.data;
    expect(marketable.status).toBe('filled');
    expect(Number(marketable.avgFillPrice)).toBeLessThanOrEqual(last * 1.05);

    const before = await portfolio(accountId);
    const resting = (
      await place({
        accountId,
        symbol: 'SPY',
        side: 'buy',
        type: 'limit',
        quantity: 0.02,
        limitPrice: Number((last * 0.5).toFixed(2)),
        timeInForce: 'gtc',
      }).expect(201)
    ).body.data;
    expect(resting.status).toBe('accepted');
    const open = (await http().get('/api/orders').query({ accountId, status: 'open' }).expect(200))
      .body.data as OrderView[];
    expect(open.map((o) => o.id)).toContain(resting.id);
    const reserved = await portfolio(accountId);
    expect(Number(reserved.buyingPower)).toBeCloseTo(
      Number(before.buyingPower) - 0.02 * Number((last * 0.5).toFixed(2)),
      0,
    );
    expect(reserved.cash).toBe(before.cash);

    const canceled = (await http().delete(`/api/orders/${resting.id}`).expect(200)).body.data;
    expect(canceled).toMatchObject({ id: resting.id, status: 'canceled' });
    expect((await portfolio(accountId)).buyingPower).toBe(before.buyingPower);
    const again = await http().delete(`/api/orders/${resting.id}`).expect(409);
    expect(again.body.error.code).toBe('ORDER_NOT_CANCELLABLE');
    await http().get('/api/orders/default-O99999').expect(404);
  });

  it('fills a stop and a stop-limit once the price is through the stop', async () => {
    const accountId = await newAccount('stops');
    const last = await price('QQQ');
    const stop = (
      await place({
        accountId,
        symbol: 'QQQ',
        side: 'buy',
        type: 'stop',
        quantity: 0.01,
        stopPrice: Number((last * 0.98).toFixed(2)),
      }).expect(201)
    ).body.data;
    expect(stop.status).toBe('filled');
    const stopLimit = (
      await place({
        accountId,
        symbol: 'QQQ',
        side: 'buy',
        type: 'stop_limit',
        quantity: 0.01,
        stopPrice: Number((last * 0.98).toFixed(2)),
        limitPrice: Number((last * 1.05).toFixed(2)),
      }).expect(201)
    ).body.data;
    expect(stopLimit.status).toBe('filled');
  });

  it('rests a trailing stop sell and fills it when the price falls back from its best', async () => {
    const accountId = await newAccount('trailing stop');
    // The position the stop sells from: this `it` buys it itself.
    expect(
      (
        await place({
          accountId,
          symbol: 'AAPL',
          side: 'buy',
          type: 'market',
          quantity: 0.1,
        }).expect(201)
      ).body.data.status,
    ).toBe('filled');
    const trailing = (
      await place({
        accountId,
        symbol: 'AAPL',
        side: 'sell',
        type: 'trailing_stop',
        quantity: 0.05,
        trailPercent: 0.01,
      }).expect(201)
    ).body.data;
    expect(trailing.status).toBe('accepted');
    const done = await waitFor(async () => {
      const current = await order(trailing.id);
      return current.status === 'filled' ? current : undefined;
    }, 'the trailing stop to fill');
    expect(done.filledQuantity).toBe('0.05');
    // Memory (the portfolio) follows the commit that the order row already shows.
    await waitFor(
      async () =>
        (await portfolio(accountId)).positions.find((p: { symbol: string }) => p.symbol === 'AAPL')
          .quantity === '0.05'
          ? true
          : undefined,
      'the position to shrink',
    );
  });

  it('attaches take-profit and stop-loss to a filled bracket entry; one fills and cancels the other', async () => {
    // Brackets 0.1% either side of the price make a child fill quickly. The quote endpoint is cached, so the engine's
    // newer price can already lie outside them: it answers INVALID_BRACKET with that price, and the entry is retried on it.
    const accountId = await newAccount('bracket');
    let last = await price('NVDA');
    let res = await placeBracket(accountId, last);
    for (
      let attempt = 0;
      attempt < 5 && res.status === 422 && res.body.error.code === 'INVALID_BRACKET';
      attempt++
    ) {
      last = res.body.error.details.referencePrice;
      res = await placeBracket(accountId, last);
    }
    expect({ status: res.status, error: res.body.error }).toEqual({
      status: 201,
      error: undefined,
    });
    const entry = res.body.data;
    expect(entry.status).toBe('filled');
    const children = await waitFor(async () => {
      const all = (await http().get('/api/orders').query({ accountId }).expect(200)).body
        .data as OrderView[];
      const mine = all.filter((o) => o.parentId === entry.id);
      return mine.length === 2 && mine.some((o) => o.status === 'filled') ? mine : undefined;
    }, 'a bracket child to fill');
    expect(children.map((c) => c.status).sort()).toEqual(['canceled', 'filled']);
    await waitFor(
      async () =>
        (await portfolio(accountId)).positions.some((p: { symbol: string }) => p.symbol === 'NVDA')
          ? undefined
          : true,
      'the position to close',
    );
  });

  it('answers a risk rejection with 422, the rule and its numbers, and keeps the rejected order', async () => {
    const account = (
      await http()
        .post('/api/accounts')
        .send({ name: 'risk probe', startingCapital: 500 })
        .expect(201)
    ).body.data;
    const res = await place({
      accountId: account.id,
      symbol: 'AAPL',
      side: 'buy',
      type: 'market',
      notional: 73.1,
    }).expect(422);
    expect(res.body.status).toBe('error');
    expect(res.body.error).toMatchObject({ code: 'RISK_MAX_POSITION', limit: 50 });
    expect(res.body.error.requested).toBeCloseTo(73.1, 6);
    expect(res.body.error.details).toMatchObject({ rule: 'RISK_MAX_POSITION', limit: 50 });
    const rejected = (
      await http()
        .get('/api/orders')
        .query({ accountId: account.id, status: 'rejected' })
        .expect(200)
    ).body.data;
    expect(rejected).toHaveLength(1);
    const book = (await http().get('/api/portfolio').query({ accountId: account.id }).expect(200))
      .body.data;
    expect(book).toMatchObject({ cash: '500.00', positions: [] });

    const cash = await place({
      accountId: account.id,
      symbol: 'AAPL',
      side: 'sell',
      type: 'market',
      quantity: 1,
    }).expect(422);
    expect(cash.body.error).toMatchObject({ code: 'NO_SHORT_POSITIONS', limit: 0, requested: 1 });
  });

  it('answers bad input with 4xx and changes nothing', async () => {
    const before = {
      orders: (await http().get('/api/orders').expect(200)).body.data.length,
      portfolio: await portfolio(),
    };
    const bad: [object, number][] = [
      [{ symbol: 'AAPL', side: 'buy', type: 'market' }, 400],
      [{ symbol: 'AAPL', side: 'buy', type: 'market', quantity: -1 }, 400],
      [{ symbol: 'AAPL', side: 'buy', type: 'market', quantity: 1e12 }, 400],
      [{ symbol: 'AAPL', side: 'buy', type: 'market', quantity: 'NaN' }, 400],
      [{ symbol: 'AAPL', side: 'buy', type: 'market', quantity: 1, notional: 5 }, 400],
      [{ symbol: 'aapl!', side: 'buy', type: 'market', quantity: 1 }, 400],
      [{ symbol: 'AAPL', side: 'hold', type: 'market', quantity: 1 }, 400],
      [{ symbol: 'AAPL', side: 'buy', type: 'limit', quantity: 1 }, 400],
      [{ symbol: 'AAPL', side: 'buy', type: 'market', quantity: 1, leverage: 10 }, 400],
      [{ symbol: 'AAPL', side: 'sell', type: 'market', quantity: 1, takeProfit: 500 }, 400],
      [{ symbol: 'AAPL', side: 'buy', type: 'market', quantity: 1, accountId: 'nobody' }, 404],
    ];
    for (const [body, status] of bad) {
      const res = await place(body);
      expect({ body, status: res.status }).toEqual({ body, status });
      expect(res.body.error.code).toEqual(expect.any(String));
    }
    const huge = await http()
      .post('/api/orders')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ symbol: 'AAPL', pad: 'x'.repeat(10 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    await http().delete('/api/orders/..%2F..').expect(400);
    expect((await http().get('/api/orders').expect(200)).body.data.length).toBe(before.orders);
    expect((await portfolio()).cash).toBe(before.portfolio.cash);
  });

  it('documents the order endpoints in OpenAPI with the DTO, examples and the error codes', async () => {
    const spec = (await http().get('/api/openapi.json').expect(200)).body;
    const place = spec.paths['/api/orders'].post;
    expect(place.requestBody.content['application/json'].schema.$ref).toMatch(/PlaceOrderDto$/);
    expect(
      place.responses['201'].content['application/json'].schema.properties.data.example,
    ).toMatchObject({ id: expect.any(String), status: 'accepted' });
    expect(place.responses['422'].description).toContain('RISK_MAX_POSITION');
    expect(spec.components.schemas.PlaceOrderDto.properties.quantity).toMatchObject({
      example: expect.any(Number),
      maximum: expect.any(Number),
    });
    expect(Object.keys(spec.paths['/api/orders/{id}'])).toEqual(
      expect.arrayContaining(['get', 'delete']),
    );
    expect(spec.paths['/api/orders'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['status', 'accountId', 'limit']),
    );
  });

  it('keeps cash and positions consistent with the fills (health invariants)', async () => {
    // Fills of its own for the invariants to check: four buys and four partial sells.
    const accountId = await newAccount('health invariants');
    for (let i = 0; i < 4; i++) {
      await place({
        accountId,
        symbol: 'AAPL',
        side: 'buy',
        type: 'market',
        quantity: 0.02,
      }).expect(201);
      await place({
        accountId,
        symbol: 'AAPL',
        side: 'sell',
        type: 'market',
        quantity: 0.01,
      }).expect(201);
    }
    const health = await http().get('/health').expect(200);
    expect(health.body.data.details.portfolio).toMatchObject({ status: 'up', state: 'ok' });
    expect((await trades(accountId)).length).toBeGreaterThanOrEqual(8);
  });
});
