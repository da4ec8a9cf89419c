import { CorporateActivityEntity } from '@ptp/api/persistence';
import { RuntimeConfigService } from '@ptp/api/runtime-config';
import { addDays, DAY_MS, newYorkDate } from '@ptp/domain';
import { startDeskTestModule, uniqueSymbol, useDeskTestModule } from './trading-desks.testing';

/**
 * A split a price mark books lives only in the engine until it is written. These tests take the
 * paths where that memory could be lost: the engine rebuilt for a config change, and a restart.
 */
describe('TradingDesks: splits booked on a price mark (real module, SQLite, hand-fed prices)', () => {
  const { ctx, feed, newAccount, setPrice, place } = useDeskTestModule('desk-ca');

  it('writes the split before an engine rebuilt for a config change forgets it; a restart restores it', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 100);
    await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 10 });
    const today = newYorkDate(feed.bar(symbol, 100).time);
    const { desks } = ctx();
    await desks.withDesk(accountId, (desk) =>
      desk.scheduleCorporateActions({
        splits: [{ ticker: symbol, execution_date: addDays(today, 1), split_from: 1, split_to: 2 }],
        dividends: [],
      }),
    );
    // The desk alone, not TradingDesks (which would write the new day's bookings at once).
    const tomorrow = feed.bar(symbol, 50).time + DAY_MS;
    await desks.withDesk(accountId, async (desk) => desk.mark(symbol, 50, tomorrow));
    await ctx().module.get(RuntimeConfigService).update(accountId, { slippageBps: 1 });
    await place(accountId, { symbol, side: 'buy', type: 'limit', quantity: 1, limitPrice: 1 });

    const rows = await ctx()
      .dataSource.getRepository(CorporateActivityEntity)
      .findBy({ accountId });
    expect(rows.map((row) => [row.type, row.fillsBefore])).toEqual([['split', 1]]);
    const restarted = await startDeskTestModule(ctx().dataDir);
    try {
      const after = await restarted.desks.valuation(accountId);
      expect(after.positions).toEqual([
        expect.objectContaining({ symbol, quantity: '20', avgCost: '50' }),
      ]);
    } finally {
      await restarted.close();
    }
  });
});
