import { type Bar, MINUTE_MS } from '@ptp/domain';
import { ManualClock } from '../../../test/manual-clock';
import { LISTED_SYMBOLS } from '../universe/listed-symbols';
import { SimulatedMarketProvider } from './simulated-market.provider';

/** Five minutes of history, then a simulated minute per wall second. */
const minuteEverySecond = (clock: ManualClock, symbols: string[]) =>
  new SimulatedMarketProvider(
    {
      seed: 3,
      speed: 60,
      followMarketHours: false,
      backfillBars: 5,
      symbols,
      listed: LISTED_SYMBOLS,
    },
    clock,
  );

describe('simulated provider bars', () => {
  it('publishes each completed minute once, in order, and holds exactly what it published after the history', async () => {
    const clock = new ManualClock(Date.UTC(2025, 5, 4, 15, 0, 20));
    const market = minuteEverySecond(clock, ['AAPL', 'MSFT']);
    const published: Bar[] = [];
    market.bars$.subscribe((bar) => published.push(bar));
    await market.start();
    try {
      const historyEnd = new Map<string, number>();
      const noteHistoryEnd = (symbol: string) =>
        historyEnd.set(symbol, market.recentBars(symbol, 1)[0].time);
      noteHistoryEnd('AAPL');
      noteHistoryEnd('MSFT');
      expect(market.recentBars('AAPL', 10)).toHaveLength(5);
      clock.advance(2_500);
      market.advance();
      market.advance();
      // A symbol watched later gets history up to the live minute, then its bars are published too.
      await market.watch(['NVDA']);
      noteHistoryEnd('NVDA');
      clock.advance(3_000);
      market.advance();
      const lastMinute = Date.UTC(2025, 5, 4, 15, 4);
      for (const [symbol, end] of historyEnd) {
        const times = published.filter((bar) => bar.symbol === symbol).map((bar) => bar.time);
        const count = (lastMinute - end) / MINUTE_MS;
        expect(times).toEqual(Array.from({ length: count }, (_, i) => end + (i + 1) * MINUTE_MS));
        expect(market.recentBars(symbol, count)).toEqual(
          published.filter((bar) => bar.symbol === symbol),
        );
      }
      expect(published.filter((bar) => bar.symbol === 'NVDA')).toHaveLength(3);
    } finally {
      await market.stop();
    }
  });

  it('accepts the shipped list only, and lets go of everything an unwatched symbol had', async () => {
    const clock = new ManualClock(Date.UTC(2025, 5, 4, 15, 0, 20));
    const market = minuteEverySecond(clock, ['AAPL']);
    await market.start();
    try {
      expect(await market.unlisted(['AAPL', 'ZZZZQ', 'BRK.B', 'SPY', 'QZXWVU'])).toEqual([
        'ZZZZQ',
        'QZXWVU',
      ]);
      await market.watch(['NFLX']);
      expect(market.recentBars('NFLX', 10)).toHaveLength(5);
      expect((await market.fetchQuotes(['NFLX'])).quotes).toHaveLength(1);
      market.unwatch(['NFLX']);
      expect(market.recentBars('NFLX', 10)).toEqual([]);
      expect((await market.fetchQuotes(['NFLX'])).unknown).toEqual(['NFLX']);
      expect(await market.fetchBars('NFLX', 'minute', 0, clock.now())).toBeNull();
      clock.advance(2_000);
      market.advance();
      expect(market.recentBars('NFLX', 10)).toEqual([]);
      expect(market.recentBars('AAPL', 10)).toHaveLength(7);
    } finally {
      await market.stop();
    }
  });
});
