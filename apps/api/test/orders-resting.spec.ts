import { waitFor } from './paper-trading.helpers';
import { type OrderView, useOrdersApp } from './orders.helpers';

describe('resting, stop and bracket orders (real HTTP, real SQLite file, simulated market at 600×)', () => {
  const { http, price, place, order, portfolio, newAccount } = useOrdersApp();
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

  it('places an OCO exit pair as a sell limit with a stopLoss; canceling the limit cancels both', async () => {
    const accountId = await newAccount('oco exit');
    const last = await price('SPY');
    const buy = { accountId, symbol: 'SPY', side: 'buy', type: 'market', quantity: 0.05 };
    await place(buy).expect(201);
    const exit = {
      ...buy,
      side: 'sell',
      type: 'limit',
      limitPrice: Number((last * 1.5).toFixed(2)),
      stopLoss: Number((last * 0.5).toFixed(2)),
      stopLossLimit: Number((last * 0.45).toFixed(2)),
    };
    const limit = (await place(exit).expect(201)).body.data;
    expect(limit).toMatchObject({
      status: 'accepted',
      ocoGroup: limit.id,
      stopLoss: String(exit.stopLoss),
    });
    const orders = (await http().get('/api/orders').query({ accountId }).expect(200)).body.data;
    const leg = orders.find((o: OrderView) => o.parentId === limit.id);
    expect(leg).toMatchObject({ type: 'stop_limit', status: 'accepted', ocoGroup: limit.id });
    await http().delete(`/api/orders/${limit.id}`).query({ accountId }).expect(200);
    expect((await order(leg.id)).status).toBe('canceled');
    const market = await place({ ...exit, type: 'market', limitPrice: undefined }).expect(400);
    expect(market.body.error.code).toBe('VALIDATION_FAILED');
  });
});
