import fc from 'fast-check';
import { nearestDouble } from './nearest-double';

const parsed = (units: bigint, scale: number) => Number(`${units}e${-scale}`);

/** Integer doubles from 2^53 to 2^80 and the points halfway to the next one, exact as BigInt. */
const halfway = fc
  .tuple(fc.integer({ min: 53, max: 79 }), fc.bigInt({ min: 0n, max: 2n ** 52n - 1n }))
  .map(([exponent, fraction]) => {
    const double = (2n ** 52n + fraction) << BigInt(exponent - 52);
    return double + (1n << BigInt(exponent - 53));
  });

describe('nearestDouble', () => {
  it('is the double that parsing the decimal gives (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 110n), max: 2n ** 110n }),
        fc.integer({ min: -3, max: 26 }),
        (units, scale) => expect(nearestDouble(units, scale)).toBe(parsed(units, scale)),
      ),
      { numRuns: 5000 },
    );
  });

  it('rounds values at and next to the midpoint between two doubles as parsing does (property)', () => {
    fc.assert(
      fc.property(
        halfway,
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom(-1n, 0n, 1n),
        (midpoint, scale, nudge) => {
          const units = midpoint * 10n ** BigInt(scale) + nudge;
          expect(nearestDouble(units, scale)).toBe(parsed(units, scale));
        },
      ),
      { numRuns: 3000 },
    );
    expect(nearestDouble(2n ** 53n + 1n, 0)).toBe(2 ** 53);
    expect(nearestDouble(2n ** 53n + 3n, 0)).toBe(2 ** 53 + 4);
    expect(nearestDouble(8999000000099680440000n, 17)).toBe(89990.0000009968);
  });
});
