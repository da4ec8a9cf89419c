import { uniqueSymbol, useDeskTestModule } from './trading-desks.testing';

/**
 * The status and portfolio polls read one valuation per engine revision: kept (and frozen, as every
 * caller shares it) while nothing changes, recomputed on a new price, an order or a later market time.
 */
describe('TradingDesks valuation between changes (real module, SQLite)', () => {
  const { ctx, newAccount, setPrice, place } = useDeskTestModule('desk-valuation');
  const valuation = (accountId: string) => ctx().desks.valuation(accountId);

  it('keeps one frozen valuation until a price, an order or the market time moves', async () => {
    const symbol = uniqueSymbol();
    const accountId = await newAccount();
    setPrice(symbol, 100);
    await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 10 });

    const first = await valuation(accountId);
    expect(first.positions).toEqual([
      expect.objectContaining({ symbol, quantity: '10', lastPrice: '100', marketValue: '1000.00' }),
    ]);
    expect(await valuation(accountId)).toBe(first);
    expect(
      [first, first.positions, first.positions[0], first.riskState].every(Object.isFrozen),
    ).toBe(true);

    setPrice(symbol, 110);
    const marked = await valuation(accountId);
    expect(marked).not.toBe(first);
    expect(marked.positions[0]).toMatchObject({ lastPrice: '110', marketValue: '1100.00' });
    expect(marked.unrealizedPnl).toBe('100.00');

    await place(accountId, { symbol, side: 'sell', type: 'market', quantity: 4 });
    const sold = await valuation(accountId);
    expect(sold.positions[0]).toMatchObject({ quantity: '6', marketValue: '660.00' });
    expect(sold.realizedPnl).toBe('40.00');

    // Read synchronously, so that nothing but the market time moves between the two.
    const desk = await ctx().desks.withDesk(accountId, async (held) => held);
    const before = desk.valuation();
    const later = Date.parse(before.asOf) + 60_000;
    desk.noteMarketTime(later);
    const after = desk.valuation();
    expect(after.asOf).toBe(new Date(later).toISOString());
    expect({ ...after, asOf: before.asOf }).toEqual(before);
  });
});
