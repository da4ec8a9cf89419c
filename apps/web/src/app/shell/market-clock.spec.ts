import { marketClock, type MarketClockInput } from './market-clock';

describe('marketClock', () => {
  const now = Date.parse('2025-03-10T15:00:00Z');
  const status = (over: Partial<MarketClockInput>): MarketClockInput => ({
    open: true,
    alwaysOpen: false,
    nextOpen: now + 86_400_000,
    nextClose: now + 5 * 3_600_000,
    asOf: now,
    clockRate: 1,
    ...over,
  });

  it('counts down to the close while the market is open', () => {
    expect(marketClock(status({}), now, now)).toEqual({
      label: 'OPEN',
      until: 'close',
      secondsLeft: 5 * 3600,
    });
  });

  it('counts down to the next open while closed', () => {
    expect(marketClock(status({ open: false, nextOpen: now + 90_000 }), now, now)).toEqual({
      label: 'CLOSED',
      until: 'open',
      secondsLeft: 90,
    });
  });

  it('never counts below zero', () => {
    expect(marketClock(status({ open: false, nextOpen: now - 5000 }), now, now).secondsLeft).toBe(
      0,
    );
  });

  it("runs on the market's clock: from asOf, at the simulated speed, whatever the browser's clock says", () => {
    const fast = status({ nextClose: now + 3_600_000, clockRate: 60 });
    expect(marketClock(fast, now + 1_000_000, now + 1_000_000).secondsLeft).toBe(3600);
    expect(marketClock(fast, now + 1_010_000, now + 1_000_000).secondsLeft).toBe(3600 - 600);
  });

  it('has no countdown for a market that never closes, whatever the NYSE calendar says', () => {
    expect(marketClock(status({ alwaysOpen: true, nextClose: now + 60_000 }), now, now)).toEqual({
      label: 'OPEN',
      until: 'never',
      secondsLeft: null,
    });
  });
});
