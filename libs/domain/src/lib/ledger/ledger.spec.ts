import type { Fill } from './fill';
import { Ledger } from './ledger';
import { LedgerError } from './ledger-error';
import { RoundTripTracker } from './round-trips';

let n = 0;
const fill = (
  side: 'buy' | 'sell',
  quantity: number,
  price: number,
  commission = 0,
  symbol = 'AAA',
): Fill => ({
  id: `F${++n}`,
  orderId: `O${n}`,
  symbol,
  side,
  quantity,
  price,
  commission,
  time: n,
});

describe('Ledger', () => {
  it('keeps cash, average cost and realised P&L in exact decimals', () => {
    const ledger = new Ledger(1000);
    ledger.applyFill(fill('buy', 3, 0.1, 0.01));
    ledger.applyFill(fill('buy', 1, 0.3));
    expect(ledger.cash.toFixed()).toBe('999.39');
    expect(ledger.positions()[0]).toMatchObject({ quantity: 4, averageCost: 0.15 });
    ledger.applyFill(fill('sell', 2, 0.2, 0.02));
    expect(ledger.realizedPnl.toFixed()).toBe('0.07');
    expect(ledger.feesPaid.toFixed()).toBe('0.03');
    expect(ledger.cash.toFixed()).toBe('999.77');
  });

  it(
    'values positions at the last mark and balances ' + 'equity = start + realised + unrealised',
    () => {
      const ledger = new Ledger(500);
      ledger.applyFill(fill('buy', 2.5, 40, 0.1));
      ledger.mark('AAA', 44);
      expect(ledger.equity()).toBeCloseTo(509.9, 10);
      expect(ledger.unrealizedPnl().toFixed()).toBe('10');
      expect(ledger.equityDecimal().toFixed()).toBe(
        ledger.realizedPnl.plus(ledger.unrealizedPnl()).plus(500).toFixed(),
      );
    },
  );

  it('refuses a buy it cannot pay for, fees included, and changes nothing', () => {
    const ledger = new Ledger(100);
    const before = ledger.state();
    expect(() => ledger.applyFill(fill('buy', 1, 100, 0.01))).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_CASH' }),
    );
    expect(ledger.state()).toEqual(before);
    ledger.applyFill(fill('buy', 1, 99.99, 0.01));
    expect(ledger.cash.toFixed()).toBe('0');
  });

  it('refuses to sell more than it holds (no shorts)', () => {
    const ledger = new Ledger(100);
    ledger.applyFill(fill('buy', 1, 10));
    expect(() => ledger.applyFill(fill('sell', 1.000001, 10))).toThrow(LedgerError);
    expect(() => ledger.applyFill(fill('sell', 1, 10, 0, 'BBB'))).toThrow(
      expect.objectContaining({ code: 'NO_SHORT_POSITIONS' }),
    );
    ledger.applyFill(fill('sell', 1, 10));
    expect(ledger.positions()).toEqual([]);
  });

  it('refuses quantities off the 1e-6 step and non-positive prices', () => {
    const ledger = new Ledger(100);
    expect(() => ledger.applyFill(fill('buy', 0.1234567, 10))).toThrow(
      expect.objectContaining({ code: 'INVALID_FILL' }),
    );
    expect(() => ledger.applyFill(fill('buy', 1, 0))).toThrow(
      expect.objectContaining({ code: 'INVALID_FILL' }),
    );
  });

  it('rebuilds the same state from its fills and from a saved state', () => {
    const fills = [fill('buy', 3, 12.5, 0.3), fill('buy', 1, 11, 0.1), fill('sell', 2, 13, 0.2)];
    const live = new Ledger(1000);
    fills.forEach((f) => live.applyFill(f));
    expect(Ledger.fromFills(1000, fills).state()).toEqual(live.state());
    expect(Ledger.fromState(1000, live.state()).state()).toEqual(live.state());
  });
});

describe('RoundTripTracker', () => {
  it('closes a trip when the position is flat again, with weighted prices and every fee', () => {
    const trips = new RoundTripTracker();
    expect(trips.add(fill('buy', 2, 10, 1))).toBeNull();
    expect(trips.add(fill('buy', 2, 12, 1))).toBeNull();
    expect(trips.add(fill('sell', 1, 13, 1))).toBeNull();
    const trip = trips.add(fill('sell', 3, 15, 1));
    expect(trip).toMatchObject({
      symbol: 'AAA',
      quantity: 4,
      entryPrice: 11,
      exitPrice: 14.5,
      commission: 4,
      pnl: 58 - 44 - 4,
    });
    expect(trips.openTrips()).toEqual([]);
  });

  it('carries open trips through a snapshot', () => {
    const trips = new RoundTripTracker();
    trips.add(fill('buy', 2, 10, 1));
    const restored = new RoundTripTracker(trips.openTrips());
    expect(restored.add(fill('sell', 2, 11, 1))).toMatchObject({ pnl: 0, entryPrice: 10 });
  });
});
