import { PaperTradeEntity } from '@ptp/api/persistence';
import { RuntimeConfigService } from '@ptp/api/runtime-config';
import type { ExecutionSettings } from '@ptp/contracts';
import { uniqueSymbol, useDeskTestModule } from './trading-desks.testing';

/**
 * execution.* on a live desk, through TradingDesks' public API on a real module and SQLite file,
 * with hand-fed prices and bars (no slippage, no fees), so every fill is known exactly.
 */
describe('TradingDesks execution settings: limit fill rule and volume cap live (real module, SQLite)', () => {
  const { ctx, feed, newAccount, setPrice, place } = useDeskTestModule('desk-execution');

  const accountWith = async (execution: Partial<ExecutionSettings>): Promise<string> => {
    const accountId = await newAccount();
    await ctx().module.get(RuntimeConfigService).update(accountId, { execution });
    return accountId;
  };
  const evaluate = (accountId: string) =>
    ctx().desks.withDesk(accountId, (desk) => desk.evaluateOpenOrders());

  it('fills a limit buy on a price equal to the limit under touch, only on one below it under through', async () => {
    const symbol = uniqueSymbol();
    const touch = await accountWith({ limitFillRule: 'touch' });
    const through = await accountWith({ limitFillRule: 'through' });
    setPrice(symbol, 100);
    const request = { symbol, side: 'buy', type: 'limit', quantity: 10, limitPrice: 95 } as const;
    const placed = [await place(touch, request), await place(through, request)];
    const ids = placed.map((result) => (result.ok ? result.order.id : ''));

    setPrice(symbol, 95);
    await evaluate(touch);
    await evaluate(through);
    expect(await ctx().orders.get(ids[0], touch)).toMatchObject({ status: 'filled' });
    expect(await ctx().orders.get(ids[1], through)).toMatchObject({ status: 'accepted' });

    setPrice(symbol, 94.5);
    await evaluate(through);
    expect(await ctx().orders.get(ids[1], through)).toMatchObject({
      status: 'filled',
      avgFillPrice: '94.5',
    });
  });

  it('fills a capped market order on the bars after it, a share of each bar, one trade per bar', async () => {
    const symbol = uniqueSymbol();
    // 1 % of the fed bars' 1 000 shares: 10 shares a bar.
    const accountId = await accountWith({ maxVolumePct: 1 });
    setPrice(symbol, 100);
    const result = await place(accountId, { symbol, side: 'buy', type: 'market', quantity: 25 });
    if (!result.ok) throw new Error(`refused: ${result.code}`);
    expect(result.order).toMatchObject({ status: 'accepted', filledQuantity: 0 });

    // The first bar starts when the order was placed (the last price's time): it fills nothing.
    const bars = [100, 101, 102, 103].map((price) => feed.bar(symbol, price));
    await ctx().desks.withDesk(accountId, async (desk) => {
      for (const bar of bars) desk.orderBars.offer(bar);
      await desk.evaluateOpenOrders();
    });

    const trades = await ctx()
      .dataSource.getRepository(PaperTradeEntity)
      .find({ where: { accountId }, order: { executedAt: 'ASC' } });
    expect(trades.map((t) => [t.executedAt, t.quantity, t.price])).toEqual([
      [bars[1].time, '10', '101'],
      [bars[2].time, '10', '102'],
      [bars[3].time, '5', '103'],
    ]);
    const order = await ctx().orders.get(result.order.id, accountId);
    expect(order).toMatchObject({ status: 'filled', filledQuantity: '25', avgFillPrice: '101.8' });
    expect(order.transitions?.map((t) => t.status)).toEqual([
      'new',
      'accepted',
      'partially_filled',
      'partially_filled',
      'filled',
    ]);
  });
});
