import fc from 'fast-check';
import { lttb } from './lttb';

interface P {
  readonly t: number;
  readonly v: number;
}
const seriesArb = fc
  .array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 0, maxLength: 400 })
  .map((values) => values.map((v, t) => ({ t, v })));
const run = (points: readonly P[], threshold: number) =>
  lttb(
    points,
    threshold,
    (p) => p.t,
    (p) => p.v,
  );

describe('lttb', () => {
  it('returns at most the threshold, in order, a subsequence with the first and the last point', () => {
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 3, max: 500 }), (points, threshold) => {
        const out = run(points, threshold);
        expect(out.length).toBe(Math.min(points.length, threshold));
        for (let i = 1; i < out.length; i++) expect(out[i].t).toBeGreaterThan(out[i - 1].t);
        for (const p of out) expect(points[p.t]).toBe(p);
        if (points.length > 0) {
          expect(out[0]).toBe(points[0]);
          expect(out[out.length - 1]).toBe(points[points.length - 1]);
        }
      }),
    );
  });

  it('keeps a lone spike and a lone dip of a flat line', () => {
    const points = Array.from({ length: 1_000 }, (_, t) => ({
      t,
      v: t === 400 ? 50 : t === 700 ? -50 : 0,
    }));
    const out = run(points, 20);
    expect(out.map((p) => p.t)).toEqual(expect.arrayContaining([0, 400, 700, 999]));
  });
});
