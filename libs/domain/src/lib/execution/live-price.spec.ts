import { livePriceRefusal, liveRange, referencePrice } from './live-price';

describe('live prices', () => {
  it('refuses stale prices, by flag or by age', () => {
    expect(livePriceRefusal({ symbol: 'X', time: 0, price: 10, stale: true }, 1000)).toBe(
      'STALE_PRICE',
    );
    expect(livePriceRefusal({ symbol: 'X', time: 0, price: 10, ageMs: 1001 }, 1000)).toBe(
      'STALE_PRICE',
    );
    expect(livePriceRefusal({ symbol: 'X', time: 0, price: 10, ageMs: 1000 }, 1000)).toBeNull();
    expect(livePriceRefusal({ symbol: 'X', time: 0 }, 1000)).toBe('NO_PRICE');
  });

  it('buys at the ask and sells at the bid when quoted, else at the last trade', () => {
    const tick = { symbol: 'X', time: 0, price: 10, bid: 9.9, ask: 10.1 };
    expect(liveRange(tick, 'buy')).toEqual({ open: 10.1, high: 10.1, low: 10.1, clamp: false });
    expect(liveRange(tick, 'sell').open).toBe(9.9);
    expect(liveRange({ symbol: 'X', time: 0, price: 10 }, 'sell').open).toBe(10);
  });

  it('values at the last trade, else the mid', () => {
    expect(referencePrice({ symbol: 'X', time: 0, bid: 9, ask: 11 })).toBe(10);
    expect(referencePrice({ symbol: 'X', time: 0, price: 12, bid: 9, ask: 11 })).toBe(12);
  });
});
