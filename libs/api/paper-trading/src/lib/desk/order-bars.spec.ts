import type { MarketStatusResponse } from '@ptp/contracts';
import type { Bar } from '@ptp/domain';
import { OrderBars } from './order-bars';

const MINUTE = 60_000;
const bar = (symbol: string, minute: number): Bar => ({
  symbol,
  time: minute * MINUTE,
  open: 1,
  high: 1,
  low: 1,
  close: 1,
  volume: 100,
});
const names = (bars: readonly Bar[]) => bars.map((b) => `${b.symbol}@${b.time / MINUTE}`);

/** A market status whose regular session runs from minute 10 to minute 20. */
const status = (alwaysOpen: boolean): MarketStatusResponse => ({
  open: true,
  alwaysOpen,
  clockRate: 1,
  session: { open: 10 * MINUTE, close: 20 * MINUTE, earlyClose: false },
  nextOpen: 1_000 * MINUTE,
  nextClose: 20 * MINUTE,
  provider: 'simulated',
  providerState: 'ok',
  asOf: 15 * MINUTE,
});

describe('OrderBars', () => {
  it('hands out the bars of the regular session in time order, under a cap, each once', () => {
    const bars = new OrderBars();
    for (const b of [bar('MSFT', 9), bar('MSFT', 12), bar('AAPL', 12), bar('AAPL', 19)])
      bars.offer(b);
    bars.offer(bar('AAPL', 20));
    expect(names(bars.take([], true, status(false)))).toEqual(['AAPL@12', 'MSFT@12', 'AAPL@19']);
    bars.offer(bar('AAPL', 19));
    expect(bars.take([], true, status(false))).toEqual([]);
  });

  it('hands out every bar of a market that never closes, but none of the excluded symbols', () => {
    const bars = new OrderBars();
    for (const b of [bar('MSFT', 1), bar('SPY', 2), bar('AAPL', 30)]) bars.offer(b);
    expect(names(bars.take(['SPY'], true, status(true)))).toEqual(['MSFT@1', 'AAPL@30']);
  });

  it('drops the pending bars without a cap: prices fill then', () => {
    const bars = new OrderBars();
    bars.offer(bar('AAPL', 12));
    expect(bars.take([], false, status(false))).toEqual([]);
    bars.offer(bar('AAPL', 12));
    expect(bars.take([], true, status(false))).toEqual([]);
  });
});
