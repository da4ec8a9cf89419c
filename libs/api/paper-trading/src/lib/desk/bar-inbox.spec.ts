import type { Bar } from '@ptp/domain';
import { BarInbox, MAX_BARS_PER_TICK } from './bar-inbox';

const bar = (symbol: string, minute: number): Bar => ({
  symbol,
  time: minute * 60_000,
  open: 1,
  high: 1,
  low: 1,
  close: 1,
  volume: 1,
});

describe('BarInbox', () => {
  it('keeps bars of the session symbols after the cursor and hands them out once, in time order', () => {
    const inbox = new BarInbox();
    const session = { symbols: ['AAPL', 'MSFT'], cursor: { AAPL: 2 * 60_000 } };
    const offered = [bar('MSFT', 3), bar('AAPL', 2), bar('AAPL', 3), bar('SPY', 4), bar('AAPL', 4)];
    expect(offered.map((b) => inbox.offer(b, session))).toEqual([true, false, true, false, true]);
    expect(inbox.drain().map((b) => `${b.symbol}@${b.time / 60_000}`)).toEqual([
      'AAPL@3',
      'MSFT@3',
      'AAPL@4',
    ]);
    expect(inbox.drain()).toEqual([]);
  });

  it('refuses a bar it already holds or one older than the newest held', () => {
    const inbox = new BarInbox();
    const session = { symbols: ['AAPL'], cursor: {} };
    expect(inbox.offer(bar('AAPL', 5), session)).toBe(true);
    expect(inbox.offer(bar('AAPL', 5), session)).toBe(false);
    expect(inbox.offer(bar('AAPL', 4), session)).toBe(false);
    expect(inbox.drain()).toHaveLength(1);
  });

  it('follows the cursor as ticks consume bars', () => {
    const session = { symbols: ['AAPL'], cursor: {} as Record<string, number> };
    const inbox = new BarInbox();
    inbox.offer(bar('AAPL', 1), session);
    inbox.drain();
    session.cursor = { AAPL: 60_000 };
    expect(inbox.offer(bar('AAPL', 1), session)).toBe(false);
    expect(inbox.offer(bar('AAPL', 2), session)).toBe(true);
  });

  it('keeps only the newest bars of a symbol after a long pause', () => {
    const inbox = new BarInbox();
    const session = { symbols: ['AAPL'], cursor: {} };
    for (let minute = 1; minute <= MAX_BARS_PER_TICK + 10; minute++)
      inbox.offer(bar('AAPL', minute), session);
    const bars = inbox.drain();
    expect(bars).toHaveLength(MAX_BARS_PER_TICK);
    expect(bars[0].time).toBe(11 * 60_000);
  });
});
