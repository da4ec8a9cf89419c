import fc from 'fast-check';
import { DAY_MS, HOUR_MS } from './calendar-date';
import { newYorkDateLookup, newYorkDayCache, newYorkDayOf } from './new-york-day-cache';
import { newYorkDate } from './new-york-time';

const utc = (iso: string) => Date.parse(iso);
const FROM = utc('1900-01-01T00:00:00Z');
const TO = utc('2100-12-31T00:00:00Z');

/** Instants anywhere, and instants a few ms either side of a whole UTC hour (where New York days start). */
const instant = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc
    .tuple(fc.integer({ min: FROM / HOUR_MS, max: TO / HOUR_MS }), fc.integer({ min: -2, max: 2 }))
    .map(([hour, ms]) => hour * HOUR_MS + ms),
);

describe('newYorkDayOf', () => {
  it('spans the instant, and its bounds are the first instants of its date and of the next', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const day = newYorkDayOf(t);
        expect(day.date).toBe(newYorkDate(t));
        expect(t >= day.start && t < day.end).toBe(true);
        expect(newYorkDate(day.start)).toBe(day.date);
        expect(newYorkDate(day.start - 1)).not.toBe(day.date);
        expect(newYorkDate(day.end - 1)).toBe(day.date);
        expect(newYorkDate(day.end)).not.toBe(day.date);
      }),
      { numRuns: 300 },
    );
  });

  it('is 23 hours long on the spring-forward Sunday and 25 on the fall-back one', () => {
    const spring = newYorkDayOf(utc('2025-03-09T12:00:00Z'));
    const fall = newYorkDayOf(utc('2025-11-02T12:00:00Z'));
    expect(spring.end - spring.start).toBe(23 * HOUR_MS);
    expect(fall.end - fall.start).toBe(25 * HOUR_MS);
  });
});

describe('newYorkDayCache', () => {
  it('returns what the uncached function does, for instants in any order', () => {
    fc.assert(
      fc.property(fc.array(instant, { maxLength: 60 }), (times) => {
        const cached = newYorkDayCache();
        for (const t of times) expect(cached(t)).toEqual(newYorkDayOf(t));
      }),
    );
  });

  it('returns what the uncached function does along walks in time order, walked again and again', () => {
    const walk = fc
      .tuple(
        fc.integer({ min: FROM, max: TO }),
        fc.array(fc.integer({ min: 0, max: 3 * HOUR_MS }), { maxLength: 80 }),
      )
      .map(([start, steps]) =>
        steps.map((_, i) => start + steps.slice(0, i + 1).reduce((a, b) => a + b, 0)),
      );
    fc.assert(
      fc.property(walk, fc.integer({ min: 1, max: 3 }), (times, walks) => {
        const cached = newYorkDayCache();
        const dateOf = newYorkDateLookup();
        for (let w = 0; w < walks; w++)
          for (const t of times) {
            expect(cached(t)).toEqual(newYorkDayOf(t));
            expect(dateOf(t)).toBe(newYorkDate(t));
          }
      }),
    );
  });

  it('computes each day once however often its instants are asked for', () => {
    const cached = newYorkDayCache();
    const open = utc('2025-03-07T14:30:00Z');
    const days = new Set<object>();
    for (let walk = 0; walk < 3; walk++)
      for (let day = 0; day < 5; day++)
        for (let minute = 0; minute < 390; minute++)
          days.add(cached(open + day * DAY_MS + minute * 60_000));
    expect(days.size).toBe(5);
  });
});
