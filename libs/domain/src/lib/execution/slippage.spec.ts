import fc from 'fast-check';
import { dec } from '../money/decimal';
import { slip } from './slippage';

describe('slip', () => {
  it('moves the price against the trader by the basis points, with no binary noise', () => {
    expect(slip(2.37037, 'buy', 5)).toBe(2.371555185);
    expect(slip(2.37037, 'sell', 5)).toBe(2.369184815);
    expect(slip(100, 'buy', 2.5)).toBe(100.025);
    expect(slip(0.1, 'sell', 10)).toBe(0.0999);
  });

  it('leaves the price alone without slippage', () => {
    expect(slip(123.456789, 'buy', 0)).toBe(123.456789);
  });

  it('is the exact decimal product, read as the nearest number (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom('buy' as const, 'sell' as const),
        (units, decimals, bpsTenths, side) => {
          const price = units / 10 ** decimals;
          const bps = bpsTenths / 10;
          const factor = dec(1).plus(dec(side === 'buy' ? bps : -bps).div(10_000));
          expect(slip(price, side, bps)).toBe(dec(price).mul(factor).toNumber());
        },
      ),
    );
  });
});
