import { type OrderView, useOrdersApp } from './orders.helpers';

describe('manual market orders (real HTTP, real SQLite file, simulated market at 600×)', () => {
  const { http, place, portfolio, trades, newAccount } = useOrdersApp();

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
