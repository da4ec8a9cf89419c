import fc from 'fast-check';
import { createOrder } from '../orders/order-factory';
import type { Order, OrderRequest } from '../orders/order-types';
import { fillPrice, trailingStopPrice, updateTrailAnchor, type PriceRange } from './fill-price';

function order(request: Partial<OrderRequest>): Order {
  return createOrder(
    { symbol: 'X', side: 'buy', type: 'market', quantity: 1, timeInForce: 'gtc', ...request },
    { id: 'O1', time: 0, source: 'manual', role: 'entry' },
  );
}

const bar = (open: number, high: number, low: number): PriceRange => ({
  open,
  high,
  low,
  clamp: true,
});

describe('fillPrice', () => {
  it('fills market orders at the open with adverse slippage, clamped to the range', () => {
    expect(fillPrice(order({}), bar(100, 110, 90), 50)).toBeCloseTo(100.5, 12);
    expect(fillPrice(order({ side: 'sell' }), bar(100, 110, 90), 50)).toBeCloseTo(99.5, 12);
    expect(fillPrice(order({}), bar(100, 100.2, 90), 50)).toBe(100.2);
    expect(fillPrice(order({ side: 'sell' }), bar(100, 110, 99.9), 50)).toBe(99.9);
  });

  it('does not clamp live prices', () => {
    expect(fillPrice(order({}), { open: 100, high: 100, low: 100, clamp: false }, 50)).toBeCloseTo(
      100.5,
      12,
    );
  });

  describe('limit orders', () => {
    it('fill at the open when the market gaps through the limit', () => {
      expect(fillPrice(order({ type: 'limit', limitPrice: 105 }), bar(100, 106, 99), 0)).toBe(100);
      expect(
        fillPrice(order({ type: 'limit', side: 'sell', limitPrice: 95 }), bar(100, 101, 94), 0),
      ).toBe(100);
    });

    it('fill at the limit when the bar reaches it, and not at all otherwise', () => {
      expect(fillPrice(order({ type: 'limit', limitPrice: 95 }), bar(100, 101, 94), 0)).toBe(95);
      expect(
        fillPrice(order({ type: 'limit', limitPrice: 95 }), bar(100, 101, 95.01), 0),
      ).toBeNull();
      expect(
        fillPrice(order({ type: 'limit', side: 'sell', limitPrice: 105 }), bar(100, 104.99, 99), 0),
      ).toBeNull();
    });

    it('never fill worse than the limit, whatever the slippage (property)', () => {
      fc.assert(
        fc.property(
          fc.double({ min: 1, max: 1000, noNaN: true }),
          fc.double({ min: 0.5, max: 1.5, noNaN: true }),
          fc.double({ min: 0, max: 0.1, noNaN: true }),
          fc.double({ min: 0, max: 0.1, noNaN: true }),
          fc.double({ min: 0, max: 500, noNaN: true }),
          fc.constantFrom<'buy' | 'sell'>('buy', 'sell'),
          (open, limitRatio, up, down, bps, side) => {
            const range = bar(open, open * (1 + up), open * (1 - down));
            const limitPrice = open * limitRatio;
            const price = fillPrice(order({ type: 'limit', side, limitPrice }), range, bps);
            if (price === null) return;
            expect(side === 'buy' ? price <= limitPrice : price >= limitPrice).toBe(true);
            expect(price >= range.low && price <= range.high).toBe(true);
          },
        ),
        { numRuns: 500 },
      );
    });
  });

  describe('stop orders', () => {
    it('trigger at the open on a gap, else at the stop', () => {
      expect(
        fillPrice(order({ type: 'stop', side: 'sell', stopPrice: 95 }), bar(90, 96, 88), 0),
      ).toBe(90);
      expect(
        fillPrice(order({ type: 'stop', side: 'sell', stopPrice: 95 }), bar(100, 101, 94), 0),
      ).toBe(95);
      expect(
        fillPrice(order({ type: 'stop', side: 'sell', stopPrice: 95 }), bar(100, 101, 95.5), 0),
      ).toBeNull();
      expect(fillPrice(order({ type: 'stop', stopPrice: 105 }), bar(107, 108, 106), 0)).toBe(107);
      expect(fillPrice(order({ type: 'stop', stopPrice: 105 }), bar(100, 105, 99), 10)).toBe(105);
    });
  });

  describe('stop-limit orders', () => {
    it('work as a limit over the bar when triggered at the open', () => {
      const o = order({ type: 'stop_limit', side: 'sell', stopPrice: 95, limitPrice: 93 });
      expect(fillPrice(o, bar(94, 94.5, 92), 0)).toBe(94);
      const gapBelowLimit = order({
        type: 'stop_limit',
        side: 'sell',
        stopPrice: 95,
        limitPrice: 93,
      });
      expect(fillPrice(gapBelowLimit, bar(90, 93.5, 89), 0)).toBe(93);
    });

    it(
      'fill inside the bar only when the stop is within ' +
        'the limit, and keep working as a triggered limit',
      () => {
        const within = order({ type: 'stop_limit', stopPrice: 105, limitPrice: 106 });
        expect(fillPrice(within, bar(100, 107, 99), 0)).toBe(105);
        const outside = order({ type: 'stop_limit', stopPrice: 105, limitPrice: 104 });
        expect(fillPrice(outside, bar(100, 107, 99), 0)).toBeNull();
        expect(outside.triggered).toBe(true);
        expect(fillPrice(outside, bar(106, 106, 103), 0)).toBe(104);
      },
    );
  });

  describe('trailing stops', () => {
    it('trail the best price and trigger at the level set before the bar', () => {
      const o = order({ type: 'trailing_stop', side: 'sell', trailPercent: 10 });
      o.trailAnchor = 100;
      expect(trailingStopPrice(o)).toBe(90);
      expect(fillPrice(o, bar(100, 120, 91), 0)).toBeNull();
      updateTrailAnchor(o, bar(100, 120, 91));
      expect(trailingStopPrice(o)).toBe(108);
      expect(fillPrice(o, bar(115, 116, 100), 0)).toBe(108);
    });

    it('trail by an amount for buys from the lowest low', () => {
      const o = order({ type: 'trailing_stop', trailAmount: 2 });
      o.trailAnchor = 50;
      updateTrailAnchor(o, bar(49, 50, 45));
      expect(trailingStopPrice(o)).toBe(47);
      expect(fillPrice(o, bar(48, 48, 46), 0)).toBe(48);
    });
  });
});
