import fc from 'fast-check';
import { Dec } from '../money/decimal';
import type { Fill } from './fill';
import { RoundTripTracker } from './round-trips';

let n = 0;
const fill = (side: 'buy' | 'sell', steps: number, price: number): Fill => ({
  id: `F${++n}`,
  orderId: `O${n}`,
  symbol: 'AAA',
  side,
  quantity: steps / 1e6,
  price,
  commission: 0,
  time: n,
});

/** The volume-weighted price by the definition: Σ quantity × price × 10^6 ÷ steps, in `Dec`. */
function weighted(legs: readonly (readonly [number, number])[]): number {
  let value = new Dec(0);
  let steps = 0;
  for (const [legSteps, price] of legs) {
    value = value.plus(new Dec(legSteps / 1e6).times(price));
    steps += legSteps;
  }
  return value.times(1e6).div(steps).toNumber();
}

const steps = fc.integer({ min: 1, max: 2 ** 40 });
const price = fc.oneof(
  fc.double({ min: 1e-4, max: 1e7, noNaN: true }),
  fc.integer({ min: 1, max: 10_000_000 }).map((cents) => cents / 100),
);
/** Fills of one side: several at one price, or at prices that may differ. */
const side = fc.oneof(
  fc
    .tuple(fc.array(steps, { minLength: 1, maxLength: 4 }), price)
    .map(([all, p]) => all.map((s) => [s, p] as const)),
  fc.array(fc.tuple(steps, price), { minLength: 1, maxLength: 4 }),
);

describe('RoundTripTracker prices', () => {
  it('are the volume-weighted prices to 34 digits, fills at one price or not (property)', () => {
    fc.assert(
      fc.property(side, fc.array(price, { minLength: 1, maxLength: 3 }), (buys, sellPrices) => {
        const trips = new RoundTripTracker();
        for (const [s, p] of buys) trips.add(fill('buy', s, p));
        const held = buys.reduce((total, [s]) => total + s, 0);
        const cut = Math.floor(held / sellPrices.length);
        const sells = sellPrices.map(
          (p, i) => [i === 0 ? held - cut * (sellPrices.length - 1) : cut, p] as const,
        );
        let trip = null;
        for (const [s, p] of sells.filter(([s]) => s > 0)) trip = trips.add(fill('sell', s, p));
        expect(trip).toMatchObject({ entryPrice: weighted(buys), exitPrice: weighted(sells) });
      }),
      { numRuns: 3000 },
    );
  });

  it('of a split trip are on the new basis, not the price the shares were bought at', () => {
    const trips = new RoundTripTracker();
    trips.add(fill('buy', 2_000_000, 10));
    trips.applySplit('AAA', 4_000_000, 1, 2);
    expect(trips.add(fill('sell', 4_000_000, 6))).toMatchObject({ entryPrice: 5, exitPrice: 6 });
  });

  it('of a restored trip come from its values', () => {
    const trips = new RoundTripTracker();
    trips.add(fill('buy', 1_000_000, 10));
    trips.add(fill('buy', 1_000_000, 11));
    const restored = new RoundTripTracker(trips.openTrips());
    restored.add(fill('buy', 2_000_000, 11));
    expect(restored.add(fill('sell', 4_000_000, 12))).toMatchObject({ entryPrice: 10.75 });
  });
});
