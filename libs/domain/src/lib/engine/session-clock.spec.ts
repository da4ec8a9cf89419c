import fc from 'fast-check';
import { DAY_MS, HOUR_MS } from '../calendar/calendar-date';
import {
  isDailyBarTime,
  tradingDateLookup,
  tradingDateOf,
  tradingDayEnd,
  tradingDayOf,
} from './session-clock';

const FROM = Date.parse('1950-01-01T00:00:00Z');
const TO = Date.parse('2080-12-31T00:00:00Z');

/** Intraday instants, and daily bar times (00:00 UTC), which belong to their UTC date instead. */
const instant = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc.integer({ min: FROM / DAY_MS, max: TO / DAY_MS }).map((day) => day * DAY_MS),
  fc.integer({ min: FROM / HOUR_MS, max: TO / HOUR_MS }).map((hour) => hour * HOUR_MS),
);

describe('isDailyBarTime', () => {
  it('is true exactly for the multiples of a day, like the remainder', () => {
    const anyTime = fc.oneof(
      instant,
      fc.double(),
      fc.constantFrom(2 ** 60, -(2 ** 60), 2 ** 53 + 2, DAY_MS * 2 ** 40, -DAY_MS, 0.5 * DAY_MS),
    );
    fc.assert(fc.property(anyTime, (t) => expect(isDailyBarTime(t)).toBe(t % DAY_MS === 0)));
  });
});

describe('tradingDayOf', () => {
  it('ends a daily bar’s day a day later and a New York day at the next New York midnight', () => {
    const daily = Date.parse('2025-03-08T00:00:00Z');
    expect(tradingDayOf(daily)).toEqual({ date: '2025-03-08', end: daily + DAY_MS });
    // The night clocks go forward: that New York day is 23 hours long.
    const saturdayNoon = Date.parse('2025-03-08T17:00:00Z');
    expect(tradingDayOf(saturdayNoon)).toEqual({
      date: '2025-03-08',
      end: Date.parse('2025-03-09T05:00:00Z'),
    });
    expect(tradingDateOf(saturdayNoon)).toBe('2025-03-08');
    expect(tradingDayEnd(Date.parse('2025-03-09T12:00:00Z'), '2025-03-09')).toBe(
      Date.parse('2025-03-10T04:00:00Z'),
    );
  });
});

describe('tradingDateLookup', () => {
  it('gives the date tradingDayOf gives, for daily and intraday instants mixed in any order', () => {
    fc.assert(
      fc.property(fc.array(instant, { maxLength: 60 }), (times) => {
        const dateOf = tradingDateLookup();
        for (const t of [...times, ...times]) expect(dateOf(t)).toBe(tradingDayOf(t).date);
      }),
    );
  });

  it('keeps a daily bar at 00:00 UTC on its UTC date inside the New York day it falls in', () => {
    const dateOf = tradingDateLookup();
    const midnight = Date.parse('2025-01-03T00:00:00Z');
    expect(dateOf(midnight - HOUR_MS)).toBe('2025-01-02');
    expect(dateOf(midnight)).toBe('2025-01-03');
    expect(dateOf(midnight + HOUR_MS)).toBe('2025-01-02');
  });
});
