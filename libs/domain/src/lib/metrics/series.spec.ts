import fc from 'fast-check';
import { newYorkDate } from '../calendar/new-york-time';
import { atDayEnds, curveDays, lastPerDay, sameTimes } from './series';

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 2, 15);

/** Increasing times a few hours apart, so that days hold one point or several. */
const timesArb = fc
  .array(fc.integer({ min: 1, max: 30 }), { maxLength: 60 })
  .map((gaps) =>
    Float64Array.from(gaps, (_, i) => T0 + gaps.slice(0, i + 1).reduce((a, b) => a + b) * HOUR),
  );

describe('curve days', () => {
  it('give a series with the same times the points lastPerDay keeps, with their dates', () => {
    fc.assert(
      fc.property(timesArb, (times) => {
        const values = times.map((_, i) => 100 + i);
        const prices = times.map((_, i) => 50 - i / 2);
        const days = curveDays(times, newYorkDate);
        expect(days.dates).toEqual([...new Set([...times].map(newYorkDate))]);
        expect(atDayEnds({ times, values }, days)).toEqual(
          lastPerDay({ times, values }, newYorkDate),
        );
        expect(atDayEnds({ times, values: prices }, days)).toEqual(
          lastPerDay({ times, values: prices }, newYorkDate),
        );
      }),
    );
  });

  it('keep a series with a point per day as it is', () => {
    const times = Float64Array.from([0, 1, 2], (d) => T0 + d * 24 * HOUR);
    const values = Float64Array.from([1, 2, 3]);
    const daily = atDayEnds({ times, values }, curveDays(times, newYorkDate));
    expect(daily.times).toBe(times);
    expect(daily.values).toBe(values);
  });
});

describe('sameTimes', () => {
  it('is true exactly for columns of the same instants', () => {
    fc.assert(
      fc.property(timesArb, timesArb, (a, b) => {
        expect(sameTimes(a, b)).toBe(a.length === b.length && a.every((t, i) => t === b[i]));
        expect(sameTimes(a, Float64Array.from(a))).toBe(true);
      }),
    );
  });
});
