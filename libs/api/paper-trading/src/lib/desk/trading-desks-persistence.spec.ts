import { PositionEntity } from '@ptp/api/persistence';
import { startDeskTestModule, uniqueSymbol, useDeskTestModule } from './trading-desks.testing';

/**
 * The desk through TradingDesks' public API, on a real Nest module and a real SQLite file, with
 * prices fed by hand (no slippage, no fees), so every fill price and balance is known exactly.
 */
describe('TradingDesks persistence: restart and failed writes (real module, SQLite, hand-fed prices)', () => {
  const { ctx, feed, newAccount, setPrice, place } = useDeskTestModule('desk-test');

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
    const before = await ctx().desks.valuation(accountId);
    expect(before.cash).toBe('99000.00');
    expect(before.buyingPower).toBe('98550.00');

    const restarted = await startDeskTestModule(ctx().dataDir);
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

  it('keeps the positions table as the engine holds them while only the traded symbols are rewritten', async () => {
    const accountId = await newAccount();
    const [kept, closed] = [uniqueSymbol(), uniqueSymbol()];
    setPrice(kept, 100);
    setPrice(closed, 50);
    const rows = async () =>
      (await ctx().dataSource.getRepository(PositionEntity).findBy({ accountId }))
        .map((p) => [p.symbol, p.quantity, p.avgCost])
        .sort();
    await place(accountId, { symbol: kept, side: 'buy', type: 'market', quantity: 10 });
    await place(accountId, { symbol: closed, side: 'buy', type: 'market', quantity: 4 });
    setPrice(kept, 110);
    await place(accountId, { symbol: kept, side: 'buy', type: 'market', quantity: 10 });
    expect(await rows()).toEqual(
      [
        [kept, '20', '105'],
        [closed, '4', '50'],
      ].sort(),
    );
    await place(accountId, { symbol: closed, side: 'sell', type: 'market', quantity: 4 });
    expect(await rows()).toEqual([[kept, '20', '105']]);
  });

  it('leaves memory as the database has it when a write fails, and trades normally once the database is back', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 100);
    await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 10 });
    const before = await ctx().desks.valuation(accountId);

    await ctx().dataSource.destroy();
    try {
      await expect(
        place(accountId, { symbol, side: 'buy', type: 'market', quantity: 20 }),
      ).rejects.toThrow();
    } finally {
      await ctx().dataSource.initialize();
    }

    const after = await ctx().desks.valuation(accountId);
    expect(after.cash).toBe(before.cash);
    expect(after.buyingPower).toBe(before.buyingPower);
    expect(after.positions).toEqual(before.positions);
    expect(await ctx().orders.list(accountId)).toHaveLength(1);

    // The engine was rebuilt from the database too: the failed fill is gone, a retry books once.
    await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 20 });
    const retried = await ctx().desks.valuation(accountId);
    expect(retried.cash).toBe('97000.00');
    expect(retried.positions).toEqual([
      expect.objectContaining({ symbol, quantity: '30', avgCost: '100' }),
    ]);
    expect(await ctx().orders.list(accountId)).toHaveLength(2);
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
    const before = await ctx().desks.valuation(accountId);
    expect(before.buyingPower).toBe('99100.00');

    await ctx().dataSource.destroy();
    try {
      await expect(
        ctx().desks.withDesk(accountId, (desk) => desk.cancelOrder(resting.order.id)),
      ).rejects.toThrow();
    } finally {
      await ctx().dataSource.initialize();
    }

    expect((await ctx().desks.valuation(accountId)).buyingPower).toBe(before.buyingPower);
    expect(
      await ctx().desks.withDesk(accountId, async (desk) => [...desk.openOrderSymbols]),
    ).toEqual([symbol]);
    expect((await ctx().orders.get(resting.order.id, accountId)).status).toBe('accepted');
    setPrice(symbol, 89);
    await ctx().desks.withDesk(accountId, (desk) => desk.evaluateOpenOrders());
    const filled = await ctx().desks.valuation(accountId);
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

    await ctx().dataSource.destroy();
    try {
      await expect(
        place(accountId, { symbol, side: 'buy', type: 'limit', quantity: 10, limitPrice: 90 }),
      ).rejects.toThrow();
    } finally {
      await ctx().dataSource.initialize();
    }

    expect((await ctx().desks.valuation(accountId)).buyingPower).toBe('99900.00');
    expect(
      await ctx().desks.withDesk(accountId, async (desk) => [...desk.openOrderSymbols]),
    ).toEqual([]);
    setPrice(symbol, 85);
    await ctx().desks.withDesk(accountId, (desk) => desk.evaluateOpenOrders());
    // An order in the same symbol runs the engine on the new price: a remembered limit would fill too.
    await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 1 });
    const valuation = await ctx().desks.valuation(accountId);
    expect(valuation.cash).toBe('99815.00');
    expect(valuation.positions).toEqual([
      expect.objectContaining({ symbol, quantity: '2', avgCost: '92.5' }),
    ]);
    expect((await ctx().orders.list(accountId)).map((o) => o.type)).toEqual(['market', 'market']);
  });
});
