import type { OrderRequest } from '@ptp/domain';
import {
  type DeskTestContext,
  makeDeskTestDir,
  PriceFeed,
  removeDeskTestDir,
  startDeskTestModule,
  uniqueSymbol,
} from './trading-desks.testing';

/**
 * The desk through TradingDesks' public API, on a real Nest module and a real SQLite file, with
 * prices fed by hand (no slippage, no fees), so every fill price and balance is known exactly.
 */
describe('TradingDesks (real module, SQLite, hand-fed prices)', () => {
  const CAPITAL = 100_000;
  let dataDir: string;
  let ctx: DeskTestContext;
  const feed = new PriceFeed();
  let accountCounter = 0;

  beforeAll(async () => {
    dataDir = makeDeskTestDir();
    ctx = await startDeskTestModule(dataDir);
  });

  afterAll(async () => {
    await ctx?.close();
    removeDeskTestDir(dataDir);
  });

  async function newAccount(capital = CAPITAL): Promise<string> {
    accountCounter += 1;
    return (await ctx.accounts.create(`desk-test-${accountCounter}`, capital)).id;
  }

  function setPrice(symbol: string, close: number): void {
    ctx.desks.notePrices([feed.bar(symbol, close)], []);
  }

  function place(accountId: string, request: OrderRequest) {
    return ctx.desks.withDesk(accountId, (desk) => desk.placeOrder(request));
  }

  it('fills a market buy at the fed price and moves cash, equity and positions by exactly quantity × price', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 100);

    const result = await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 10 });

    expect(result.ok).toBe(true);
    const valuation = await ctx.desks.valuation(accountId);
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
    const orders = await ctx.orders.list(accountId);
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

    const valuation = await ctx.desks.valuation(accountId);
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
    let valuation = await ctx.desks.valuation(accountId);
    expect(valuation.cash).toBe('100000.00');
    expect(valuation.buyingPower).toBe('99050.00');
    expect(valuation.positions).toEqual([]);
    expect(await ctx.orders.list(accountId, 'open')).toEqual([
      expect.objectContaining({ id: result.order.id, status: 'accepted' }),
    ]);

    // A price above the limit leaves it resting.
    setPrice(symbol, 96);
    await ctx.desks.withDesk(accountId, (desk) => desk.evaluateOpenOrders());
    expect((await ctx.desks.valuation(accountId)).positions).toEqual([]);

    setPrice(symbol, 94);
    await ctx.desks.withDesk(accountId, (desk) => desk.evaluateOpenOrders());

    valuation = await ctx.desks.valuation(accountId);
    expect(valuation.cash).toBe('99060.00');
    expect(valuation.buyingPower).toBe('99060.00');
    expect(valuation.positions).toEqual([
      expect.objectContaining({ symbol, quantity: '10', avgCost: '94' }),
    ]);
    expect(await ctx.orders.get(result.order.id, accountId)).toEqual(
      expect.objectContaining({ status: 'filled', filledQuantity: '10', avgFillPrice: '94' }),
    );
    expect(await ctx.desks.withDesk(accountId, async (desk) => [...desk.openOrderSymbols])).toEqual(
      [],
    );
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
    expect((await ctx.desks.valuation(accountId)).buyingPower).toBe('98200.00');

    const first = await ctx.desks.withDesk(accountId, (desk) => desk.cancelOrder(placed.order.id));

    expect(first.ok).toBe(true);
    const valuation = await ctx.desks.valuation(accountId);
    expect(valuation.buyingPower).toBe(valuation.cash);
    expect(valuation.cash).toBe('100000.00');
    expect((await ctx.orders.get(placed.order.id, accountId)).status).toBe('canceled');

    const second = await ctx.desks.withDesk(accountId, (desk) => desk.cancelOrder(placed.order.id));
    expect(second).toEqual(expect.objectContaining({ ok: false, code: 'ORDER_NOT_FOUND' }));

    // A price through the old limit no longer fills anything.
    setPrice(symbol, 80);
    await ctx.desks.withDesk(accountId, (desk) => desk.evaluateOpenOrders());
    expect((await ctx.desks.valuation(accountId)).positions).toEqual([]);
  });

  it('refuses a sell of more than is held with NO_SHORT_POSITIONS and changes nothing', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 50);
    await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 5 });
    const before = await ctx.desks.valuation(accountId);
    expect(before.positions).toEqual([expect.objectContaining({ symbol, quantity: '5' })]);

    const result = await place(accountId, { symbol, side: 'sell', type: 'market', quantity: 6 });

    expect(result).toEqual(expect.objectContaining({ ok: false, code: 'NO_SHORT_POSITIONS' }));
    if (result.ok) return;
    expect(result.rejection).toEqual(
      expect.objectContaining({ code: 'NO_SHORT_POSITIONS', limit: 5, requested: 6 }),
    );
    const after = await ctx.desks.valuation(accountId);
    expect(after.cash).toBe(before.cash);
    expect(after.buyingPower).toBe(before.buyingPower);
    expect(after.positions).toEqual(before.positions);
    expect(await ctx.orders.list(accountId, 'open')).toEqual([]);
  });

  it('counts shares already offered by a resting sell against a new sell, and frees them on cancel', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 100);
    await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 10 });
    const resting = await place(accountId, {
      symbol,
      side: 'sell',
      type: 'limit',
      quantity: 8,
      limitPrice: 120,
    });
    if (!resting.ok) throw new Error(`placement refused: ${resting.message}`);

    const refused = await place(accountId, { symbol, side: 'sell', type: 'market', quantity: 3 });

    expect(refused).toEqual(expect.objectContaining({ ok: false, code: 'NO_SHORT_POSITIONS' }));
    if (refused.ok) return;
    expect(refused.rejection).toEqual(expect.objectContaining({ limit: 2, requested: 3 }));
    expect((await ctx.desks.valuation(accountId)).positions).toEqual([
      expect.objectContaining({ quantity: '10' }),
    ]);

    await ctx.desks.withDesk(accountId, (desk) => desk.cancelOrder(resting.order.id));
    expect((await place(accountId, { symbol, side: 'sell', type: 'market', quantity: 3 })).ok).toBe(
      true,
    );
    const valuation = await ctx.desks.valuation(accountId);
    expect(valuation.cash).toBe('99300.00');
    expect(valuation.positions).toEqual([expect.objectContaining({ quantity: '7' })]);
  });

  it('does not trade on a stale price: a market buy with only a stale quote is refused with NO_PRICE', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    ctx.desks.noteQuote({ ...feed.quote(symbol, 100), ageSec: 3_600, stale: true });

    const result = await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 1 });

    expect(result).toEqual(expect.objectContaining({ ok: false, code: 'NO_PRICE' }));
    const valuation = await ctx.desks.valuation(accountId);
    expect(valuation.cash).toBe('100000.00');
    expect(valuation.positions).toEqual([]);

    // A fresh quote makes the symbol tradable at its price.
    ctx.desks.noteQuote(feed.quote(symbol, 101));
    expect((await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 1 })).ok).toBe(
      true,
    );
    expect((await ctx.desks.valuation(accountId)).cash).toBe('99899.00');
  });

  it('refuses an order bigger than maxPositionPct of equity with RISK_MAX_POSITION, records it as rejected, and leaves cash alone', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 100);

    // 10 % of 100 000 is 10 000; 101 shares at 100 would be 10 100.
    const result = await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 101 });

    expect(result).toEqual(expect.objectContaining({ ok: false, code: 'RISK_MAX_POSITION' }));
    if (result.ok) return;
    expect(result.rejection).toEqual(expect.objectContaining({ limit: 10_000, requested: 10_100 }));
    const orders = await ctx.orders.list(accountId);
    expect(orders).toEqual([
      expect.objectContaining({
        id: result.order?.id,
        symbol,
        status: 'rejected',
        filledQuantity: '0',
      }),
    ]);
    expect(orders[0].reason).toContain('RISK_MAX_POSITION');
    const valuation = await ctx.desks.valuation(accountId);
    expect(valuation.cash).toBe('100000.00');
    expect(valuation.buyingPower).toBe('100000.00');
    expect(valuation.positions).toEqual([]);

    // Exactly at the cap is allowed.
    expect(
      (await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 100 })).ok,
    ).toBe(true);
    expect((await ctx.desks.valuation(accountId)).cash).toBe('90000.00');
  });

  it('reports open positions in risk() after a fill, and none after the position is sold', async () => {
    const accountId = await newAccount();
    const [first, second] = [uniqueSymbol(), uniqueSymbol()];
    setPrice(first, 20);
    setPrice(second, 40);
    expect((await ctx.desks.risk(accountId)).openPositions).toBe(0);

    await place(accountId, { symbol: first, side: 'buy', type: 'market', quantity: 10 });
    await place(accountId, { symbol: second, side: 'buy', type: 'market', quantity: 10 });

    const risk = await ctx.desks.risk(accountId);
    expect(risk).toEqual(
      expect.objectContaining({ accountId, openPositions: 2, entriesBlocked: false }),
    );
    expect(risk.limits.maxPositionPct).toBe(10);

    await place(accountId, { symbol: first, side: 'sell', type: 'market', quantity: 10 });
    await place(accountId, { symbol: second, side: 'sell', type: 'market', quantity: 10 });
    expect((await ctx.desks.risk(accountId)).openPositions).toBe(0);
    expect((await ctx.desks.valuation(accountId)).cash).toBe('100000.00');
  });

  it('realises P&L on a sell at a higher fed price', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 100);
    await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 10 });
    setPrice(symbol, 105);

    const result = await place(accountId, { symbol, side: 'sell', type: 'market', quantity: 4 });

    expect(result.ok).toBe(true);
    const valuation = await ctx.desks.valuation(accountId);
    // 100 000 - 1 000 + 4 × 105
    expect(valuation.cash).toBe('99420.00');
    expect(valuation.realizedPnl).toBe('20.00');
    expect(valuation.positions).toEqual([
      expect.objectContaining({ symbol, quantity: '6', avgCost: '100' }),
    ]);
    expect(valuation.equity).toBe('100050.00');
  });

  it('loads the same cash, positions and open orders in a new module on the same SQLite file (restart)', async () => {
    const accountId = await newAccount();
    const [held, wanted] = [uniqueSymbol(), uniqueSymbol()];
    setPrice(held, 100);
    setPrice(wanted, 50);
    await place(accountId, { symbol: held, side: 'buy', type: 'market', quantity: 10 });
    const resting = await place(accountId, {
      symbol: wanted,
      side: 'buy',
      type: 'limit',
      quantity: 10,
      limitPrice: 45,
    });
    if (!resting.ok) throw new Error(`placement refused: ${resting.message}`);
    const before = await ctx.desks.valuation(accountId);
    expect(before.cash).toBe('99000.00');
    expect(before.buyingPower).toBe('98550.00');

    const restarted = await startDeskTestModule(dataDir);
    try {
      const after = await restarted.desks.valuation(accountId);
      expect(after.cash).toBe(before.cash);
      expect(after.buyingPower).toBe(before.buyingPower);
      expect(after.realizedPnl).toBe(before.realizedPnl);
      expect(after.positions).toEqual([
        expect.objectContaining({ symbol: held, quantity: '10', avgCost: '100' }),
      ]);
      expect(
        await restarted.desks.withDesk(accountId, async (desk) => [...desk.openOrderSymbols]),
      ).toEqual([wanted]);

      // The reloaded engine holds the resting order: it fills on a price through its limit.
      restarted.desks.notePrices([feed.bar(wanted, 44)], []);
      await restarted.desks.withDesk(accountId, (desk) => desk.evaluateOpenOrders());
      const filled = await restarted.desks.valuation(accountId);
      expect(filled.cash).toBe('98560.00');
      expect(filled.positions.map((p) => [p.symbol, p.quantity])).toEqual(
        expect.arrayContaining([
          [held, '10'],
          [wanted, '10'],
        ]),
      );
      expect((await restarted.orders.get(resting.order.id, accountId)).status).toBe('filled');
    } finally {
      await restarted.close();
    }
  });

  it('leaves memory as the database has it when a write fails, and trades normally once the database is back', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 100);
    await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 10 });
    const before = await ctx.desks.valuation(accountId);

    await ctx.dataSource.destroy();
    try {
      await expect(
        place(accountId, { symbol, side: 'buy', type: 'market', quantity: 20 }),
      ).rejects.toThrow();
    } finally {
      await ctx.dataSource.initialize();
    }

    const after = await ctx.desks.valuation(accountId);
    expect(after.cash).toBe(before.cash);
    expect(after.buyingPower).toBe(before.buyingPower);
    expect(after.positions).toEqual(before.positions);
    expect(await ctx.orders.list(accountId)).toHaveLength(1);

    // The engine was rebuilt from the database too: the failed fill is gone, a retry books once.
    await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 20 });
    const retried = await ctx.desks.valuation(accountId);
    expect(retried.cash).toBe('97000.00');
    expect(retried.positions).toEqual([
      expect.objectContaining({ symbol, quantity: '30', avgCost: '100' }),
    ]);
    expect(await ctx.orders.list(accountId)).toHaveLength(2);
  });
  it('keeps a resting order working when the write of its cancel fails', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 100);
    const resting = await place(accountId, {
      symbol,
      side: 'buy',
      type: 'limit',
      quantity: 10,
      limitPrice: 90,
    });
    if (!resting.ok) throw new Error(`placement refused: ${resting.message}`);
    const before = await ctx.desks.valuation(accountId);
    expect(before.buyingPower).toBe('99100.00');

    await ctx.dataSource.destroy();
    try {
      await expect(
        ctx.desks.withDesk(accountId, (desk) => desk.cancelOrder(resting.order.id)),
      ).rejects.toThrow();
    } finally {
      await ctx.dataSource.initialize();
    }

    expect((await ctx.desks.valuation(accountId)).buyingPower).toBe(before.buyingPower);
    expect(await ctx.desks.withDesk(accountId, async (desk) => [...desk.openOrderSymbols])).toEqual(
      [symbol],
    );
    expect((await ctx.orders.get(resting.order.id, accountId)).status).toBe('accepted');
    setPrice(symbol, 89);
    await ctx.desks.withDesk(accountId, (desk) => desk.evaluateOpenOrders());
    const filled = await ctx.desks.valuation(accountId);
    expect(filled.cash).toBe('99110.00');
    expect(filled.positions).toEqual([
      expect.objectContaining({ symbol, quantity: '10', avgCost: '89' }),
    ]);
  });

  it('forgets a resting limit order whose write failed: no reservation, nothing fills later', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 100);
    // One filled order first, so the desk and its engine are in memory: the failure is the write's.
    await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 1 });

    await ctx.dataSource.destroy();
    try {
      await expect(
        place(accountId, { symbol, side: 'buy', type: 'limit', quantity: 10, limitPrice: 90 }),
      ).rejects.toThrow();
    } finally {
      await ctx.dataSource.initialize();
    }

    expect((await ctx.desks.valuation(accountId)).buyingPower).toBe('99900.00');
    expect(await ctx.desks.withDesk(accountId, async (desk) => [...desk.openOrderSymbols])).toEqual(
      [],
    );
    setPrice(symbol, 85);
    await ctx.desks.withDesk(accountId, (desk) => desk.evaluateOpenOrders());
    // An order in the same symbol runs the engine on the new price: a remembered limit would fill too.
    await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 1 });
    const valuation = await ctx.desks.valuation(accountId);
    expect(valuation.cash).toBe('99815.00');
    expect(valuation.positions).toEqual([
      expect.objectContaining({ symbol, quantity: '2', avgCost: '92.5' }),
    ]);
    expect((await ctx.orders.list(accountId)).map((o) => o.type)).toEqual(['market', 'market']);
  });
});
