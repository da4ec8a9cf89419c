import { uniqueSymbol, useDeskTestModule } from './trading-desks.testing';

/**
 * The desk through TradingDesks' public API, on a real Nest module and a real SQLite file, with
 * prices fed by hand (no slippage, no fees), so every fill price and balance is known exactly.
 */
describe('TradingDesks refusals: shorts, stale prices and risk limits (real module, SQLite, hand-fed prices)', () => {
  const { ctx, feed, newAccount, setPrice, place } = useDeskTestModule('desk-test');

  it('refuses a sell of more than is held with NO_SHORT_POSITIONS and changes nothing', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 50);
    await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 5 });
    const before = await ctx().desks.valuation(accountId);
    expect(before.positions).toEqual([expect.objectContaining({ symbol, quantity: '5' })]);

    const result = await place(accountId, { symbol, side: 'sell', type: 'market', quantity: 6 });

    expect(result).toEqual(expect.objectContaining({ ok: false, code: 'NO_SHORT_POSITIONS' }));
    if (result.ok) return;
    expect(result.rejection).toEqual(
      expect.objectContaining({ code: 'NO_SHORT_POSITIONS', limit: 5, requested: 6 }),
    );
    const after = await ctx().desks.valuation(accountId);
    expect(after.cash).toBe(before.cash);
    expect(after.buyingPower).toBe(before.buyingPower);
    expect(after.positions).toEqual(before.positions);
    expect(await ctx().orders.list(accountId, 'open')).toEqual([]);
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
    expect((await ctx().desks.valuation(accountId)).positions).toEqual([
      expect.objectContaining({ quantity: '10' }),
    ]);

    await ctx().desks.withDesk(accountId, (desk) => desk.cancelOrder(resting.order.id));
    expect((await place(accountId, { symbol, side: 'sell', type: 'market', quantity: 3 })).ok).toBe(
      true,
    );
    const valuation = await ctx().desks.valuation(accountId);
    expect(valuation.cash).toBe('99300.00');
    expect(valuation.positions).toEqual([expect.objectContaining({ quantity: '7' })]);
  });

  it('does not trade on a stale price: a market buy with only a stale quote is refused with NO_PRICE', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    ctx().desks.noteQuote({ ...feed.quote(symbol, 100), ageSec: 3_600, stale: true });

    const result = await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 1 });

    expect(result).toEqual(expect.objectContaining({ ok: false, code: 'NO_PRICE' }));
    const valuation = await ctx().desks.valuation(accountId);
    expect(valuation.cash).toBe('100000.00');
    expect(valuation.positions).toEqual([]);

    // A fresh quote makes the symbol tradable at its price.
    ctx().desks.noteQuote(feed.quote(symbol, 101));
    expect((await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 1 })).ok).toBe(
      true,
    );
    expect((await ctx().desks.valuation(accountId)).cash).toBe('99899.00');
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
    const orders = await ctx().orders.list(accountId);
    expect(orders).toEqual([
      expect.objectContaining({
        id: result.order?.id,
        symbol,
        status: 'rejected',
        filledQuantity: '0',
      }),
    ]);
    expect(orders[0].reason).toContain('RISK_MAX_POSITION');
    const valuation = await ctx().desks.valuation(accountId);
    expect(valuation.cash).toBe('100000.00');
    expect(valuation.buyingPower).toBe('100000.00');
    expect(valuation.positions).toEqual([]);

    // Exactly at the cap is allowed.
    expect(
      (await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 100 })).ok,
    ).toBe(true);
    expect((await ctx().desks.valuation(accountId)).cash).toBe('90000.00');
  });

  it('reports open positions in risk() after a fill, and none after the position is sold', async () => {
    const accountId = await newAccount();
    const [first, second] = [uniqueSymbol(), uniqueSymbol()];
    setPrice(first, 20);
    setPrice(second, 40);
    expect((await ctx().desks.risk(accountId)).openPositions).toBe(0);

    await place(accountId, { symbol: first, side: 'buy', type: 'market', quantity: 10 });
    await place(accountId, { symbol: second, side: 'buy', type: 'market', quantity: 10 });

    const risk = await ctx().desks.risk(accountId);
    expect(risk).toEqual(
      expect.objectContaining({ accountId, openPositions: 2, entriesBlocked: false }),
    );
    expect(risk.limits.maxPositionPct).toBe(10);

    await place(accountId, { symbol: first, side: 'sell', type: 'market', quantity: 10 });
    await place(accountId, { symbol: second, side: 'sell', type: 'market', quantity: 10 });
    expect((await ctx().desks.risk(accountId)).openPositions).toBe(0);
    expect((await ctx().desks.valuation(accountId)).cash).toBe('100000.00');
  });
});
