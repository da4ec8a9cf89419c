import fc from 'fast-check';
import { CrossDetector, sideOf, type Cross } from './cross-detector';

/** The rule read literally: compare with the most recent earlier bar where a ≠ b. */
function crossesByDefinition(pairs: readonly (readonly [number, number])[]): Cross[] {
  return pairs.map(([a, b], i) => {
    if (a === b) return null;
    const earlier = pairs
      .slice(0, i)
      .reverse()
      .find(([x, y]) => x !== y);
    if (!earlier) return null;
    if (a > b && earlier[0] < earlier[1]) return 'above';
    if (a < b && earlier[0] > earlier[1]) return 'below';
    return null;
  });
}

describe('CrossDetector', () => {
  it('sees a cross exactly where the rule does, by update(a, b) or step(sideOf(a, b)) (property)', () => {
    const value = fc.integer({ min: 0, max: 3 });
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { maxLength: 40 }), (pairs) => {
        const byValues = new CrossDetector();
        const bySides = new CrossDetector();
        const expected = crossesByDefinition(pairs);
        expect(pairs.map(([a, b]) => byValues.update(a, b))).toEqual(expected);
        expect(pairs.map(([a, b]) => bySides.step(sideOf(a, b)))).toEqual(expected);
      }),
    );
  });
});
