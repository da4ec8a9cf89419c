import { PaperTradeEntity, RoundTripEntity, roundTripFromRow } from '@ptp/api/persistence';
import { uniqueSymbol, useDeskTestModule } from './trading-desks.testing';

/**
 * The desk through TradingDesks' public API, on a real Nest module and a real SQLite file, with
 * prices fed by hand (no slippage, no fees), so every fill price and balance is known exactly.
 */
describe('TradingDesks orders: fills, marks, resting limits and cancels (real module, SQLite, hand-fed prices)', () => {
  const { ctx, newAccount, setPrice, place } = useDeskTestModule('desk-test');

  it('fills a market buy at the fed price and moves cash, equity and positions by exactly quantity × price', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 100);

    const result = await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 10 });

    expect(result.ok).toBe(true);
    const valuation = await ctx().desks.valuation(accountId);
    expect(valuation.cash).toBe('99000.00');
    expect(valuation.positionsValue).toBe('1000.00');
    expect(valuation.equity).toBe('100000.00');
    expect(valuation.buyingPower).toBe('99000.00');
    expect(valuation.positions).toEqual([
      expect.objectContaining({
        symbol,
        quantity: '10',
        avgCost: '100',
        lastPrice: '100',
        marketValue: '1000.00',
      }),
    ]);
    const orders = await ctx().orders.list(accountId);
    expect(orders).toEqual([
      expect.objectContaining({
        symbol,
        status: 'filled',
        filledQuantity: '10',
        avgFillPrice: '100',
      }),
    ]);
  });

  it('marks an open position to a newer fed price', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 100);
    await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 10 });

    setPrice(symbol, 110);

    const valuation = await ctx().desks.valuation(accountId);
    expect(valuation.cash).toBe('99000.00');
    expect(valuation.positionsValue).toBe('1100.00');
    expect(valuation.equity).toBe('100100.00');
    expect(valuation.unrealizedPnl).toBe('100.00');
    expect(valuation.positions[0]).toEqual(
      expect.objectContaining({ lastPrice: '110', unrealizedPnl: '100.00' }),
    );
  });

  it('rests a limit buy below the price (cash reserved), then fills it at the lower price once fed and evaluated', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 100);

    const result = await place(accountId, {
      symbol,
      side: 'buy',
      type: 'limit',
      quantity: 10,
      limitPrice: 95,
    });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.order.status).toBe('accepted');
    let valuation = await ctx().desks.valuation(accountId);
    expect(valuation.cash).toBe('100000.00');
    expect(valuation.buyingPower).toBe('99050.00');
    expect(valuation.positions).toEqual([]);
    expect(await ctx().orders.list(accountId, 'open')).toEqual([
      expect.objectContaining({ id: result.order.id, status: 'accepted' }),
    ]);

    // A price above the limit leaves it resting.
    setPrice(symbol, 96);
    await ctx().desks.withDesk(accountId, (desk) => desk.evaluateOpenOrders());
    expect((await ctx().desks.valuation(accountId)).positions).toEqual([]);

    setPrice(symbol, 94);
    await ctx().desks.withDesk(accountId, (desk) => desk.evaluateOpenOrders());

    valuation = await ctx().desks.valuation(accountId);
    expect(valuation.cash).toBe('99060.00');
    expect(valuation.buyingPower).toBe('99060.00');
    expect(valuation.positions).toEqual([
      expect.objectContaining({ symbol, quantity: '10', avgCost: '94' }),
    ]);
    expect(await ctx().orders.get(result.order.id, accountId)).toEqual(
      expect.objectContaining({ status: 'filled', filledQuantity: '10', avgFillPrice: '94' }),
    );
    expect(
      await ctx().desks.withDesk(accountId, async (desk) => [...desk.openOrderSymbols]),
    ).toEqual([]);
  });

  it('cancels a resting order, freeing its buying power, and refuses a second cancel', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 100);
    const placed = await place(accountId, {
      symbol,
      side: 'buy',
      type: 'limit',
      quantity: 20,
      limitPrice: 90,
    });
    if (!placed.ok) throw new Error(`placement refused: ${placed.message}`);
    expect((await ctx().desks.valuation(accountId)).buyingPower).toBe('98200.00');

    const first = await ctx().desks.withDesk(accountId, (desk) =>
      desk.cancelOrder(placed.order.id),
    );

    expect(first.ok).toBe(true);
    const valuation = await ctx().desks.valuation(accountId);
    expect(valuation.buyingPower).toBe(valuation.cash);
    expect(valuation.cash).toBe('100000.00');
    expect((await ctx().orders.get(placed.order.id, accountId)).status).toBe('canceled');

    const second = await ctx().desks.withDesk(accountId, (desk) =>
      desk.cancelOrder(placed.order.id),
    );
    expect(second).toEqual(expect.objectContaining({ ok: false, code: 'ORDER_NOT_FOUND' }));

    // A price through the old limit no longer fills anything.
    setPrice(symbol, 80);
    await ctx().desks.withDesk(accountId, (desk) => desk.evaluateOpenOrders());
    expect((await ctx().desks.valuation(accountId)).positions).toEqual([]);
  });

  it('realises P&L on a sell at a higher fed price', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 100);
    await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 10 });
    setPrice(symbol, 105);

    const result = await place(accountId, { symbol, side: 'sell', type: 'market', quantity: 4 });

    expect(result.ok).toBe(true);
    const valuation = await ctx().desks.valuation(accountId);
    // 100 000 - 1 000 + 4 × 105
    expect(valuation.cash).toBe('99420.00');
    expect(valuation.realizedPnl).toBe('20.00');
    expect(valuation.positions).toEqual([
      expect.objectContaining({ symbol, quantity: '6', avgCost: '100' }),
    ]);
    expect(valuation.equity).toBe('100050.00');
  });

  it("stores the round trip the engine closes and each fill's realised P&L", async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 100);
    await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 10 });
    setPrice(symbol, 104);
    await place(accountId, { symbol, side: 'sell', type: 'market', quantity: 4 });
    setPrice(symbol, 98);
    await place(accountId, { symbol, side: 'sell', type: 'market', quantity: 6 });

    const trips = await ctx()
      .dataSource.getRepository(RoundTripEntity)
      .find({ where: { accountId }, order: { id: 'ASC' } });
    expect(trips.map(roundTripFromRow)).toEqual([
      expect.objectContaining({ symbol, quantity: 10, entryPrice: 100, exitPrice: 100.4, pnl: 4 }),
    ]);
    const fills = await ctx()
      .dataSource.getRepository(PaperTradeEntity)
      .find({ where: { accountId }, order: { executedAt: 'ASC' } });
    expect(fills.map((f) => [f.side, f.realizedPnl])).toEqual([
      ['buy', '0'],
      ['sell', '16'],
      ['sell', '-12'],
    ]);
    expect(await ctx().desks.openPositions(accountId)).toEqual([]);
  });
});
