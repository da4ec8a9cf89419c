import fc from 'fast-check';
import { spanCache } from './span-cache';

/** A partition of the number line into spans of `width` from `origin`: what a day is to time. */
const partition = (origin: number, width: number) => (t: number) => {
  const index = Math.floor((t - origin) / width);
  return { index, start: origin + index * width, end: origin + (index + 1) * width };
};

describe('spanCache', () => {
  it('returns the span the uncached function returns, for instants in any order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.array(fc.integer({ min: -2e6, max: 2e6 }), { maxLength: 100 }),
        (origin, width, times) => {
          const compute = partition(origin, width);
          const cached = spanCache(compute);
          for (const t of [...times, ...times.reverse()]) expect(cached(t)).toEqual(compute(t));
        },
      ),
    );
  });

  it('computes each span once, however often and in whatever order its instants come', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9_999 }), { minLength: 1, maxLength: 200 }),
        (times) => {
          const compute = jest.fn(partition(0, 100));
          const cached = spanCache(compute);
          for (const t of times) cached(t);
          for (const t of [...times].sort((a, b) => a - b)) cached(t);
          const spans = new Set(times.map((t) => Math.floor(t / 100)));
          expect(compute).toHaveBeenCalledTimes(spans.size);
        },
      ),
    );
  });
});
