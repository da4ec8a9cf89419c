import fc from 'fast-check';
import {
  DAY_MS,
  isoDateToUtcMidnight,
  MINUTE_MS,
  utcMsToIsoDate,
  utcMsToIsoDateTime,
  utcMonthStarts,
} from './calendar-date';

describe('calendar dates', () => {
  it('writes the UTC date and time of any instant exactly as Date#toISOString does (property)', () => {
    const instant = fc.oneof(
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
      fc.integer({
        min: Date.UTC(1000, 0, 1) - 3 * DAY_MS,
        max: Date.UTC(10000, 0, 1) + 3 * DAY_MS,
      }),
      fc
        .integer({ min: -40_000, max: 60_000 })
        .chain((day) =>
          fc.constantFrom(day * DAY_MS, day * DAY_MS - 1, day * DAY_MS + 0.5, day * DAY_MS - 0.5),
        ),
    );
    fc.assert(
      fc.property(instant, (ms) => {
        expect(utcMsToIsoDate(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
        expect(utcMsToIsoDateTime(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it('writes the dates of days walked in order as Date#toISOString does, across months and leap years', () => {
    const walk = fc.record({
      start: fc.integer({ min: Date.UTC(1000, 0, 1) / DAY_MS, max: Date.UTC(9990, 0, 1) / DAY_MS }),
      steps: fc.array(fc.integer({ min: 0, max: 70 }), { maxLength: 120 }),
    });
    fc.assert(
      fc.property(walk, ({ start, steps }) => {
        let day = start;
        for (const step of steps) {
          day += step;
          // Any instant of the day: the date depends on the day alone.
          const ms = day * DAY_MS + ((step * 7_919_999) % DAY_MS);
          expect(utcMsToIsoDate(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
        }
      }),
    );
    // Every day around the Februaries of a century year that is leap (2000) and one that is not.
    for (const year of [2000, 2100]) {
      for (let day = Date.UTC(year, 0, 1) / DAY_MS; day < Date.UTC(year, 3, 1) / DAY_MS; day++)
        expect(utcMsToIsoDate(day * DAY_MS)).toBe(
          new Date(day * DAY_MS).toISOString().slice(0, 10),
        );
    }
  });

  it('reads back every date it writes and rejects dates that do not exist', () => {
    for (let day = Date.UTC(1999, 0, 1) / DAY_MS; day < Date.UTC(2031, 0, 1) / DAY_MS; day++) {
      expect(isoDateToUtcMidnight(utcMsToIsoDate(day * DAY_MS))).toBe(day * DAY_MS);
    }
    for (const date of ['2023-02-29', '2024-13-01', '2024-04-31', '2024-1-01', ''])
      expect(() => isoDateToUtcMidnight(date)).toThrow(RangeError);
    expect(isoDateToUtcMidnight('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });

  it('throws for an instant that is not a date, as Date does', () => {
    expect(() => utcMsToIsoDate(Number.NaN)).toThrow(RangeError);
    expect(() => utcMsToIsoDateTime(Number.NaN)).toThrow(RangeError);
  });
});

describe('utcMonthStarts', () => {
  const monthOf = (t: number) => utcMsToIsoDate(t).slice(0, 7);

  it('finds where the YYYY-MM of the written dates changes, in any increasing times (property)', () => {
    const times = fc
      .array(fc.integer({ min: 0, max: 40 * DAY_MS }), { maxLength: 80 })
      .chain((gaps) =>
        fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9990, 0, 1) }).map((start) => {
          let t = start;
          return Float64Array.from(gaps, (gap) => (t += gap));
        }),
      );
    fc.assert(
      fc.property(times, (ts) => {
        const expected = [...ts].flatMap((t, i) =>
          i === 0 || monthOf(t) !== monthOf(ts[i - 1]) ? [i] : [],
        );
        expect(utcMonthStarts(ts)).toEqual(expected);
      }),
    );
  });

  it('gives no month starts for instants outside the years 1000–9999', () => {
    expect(
      utcMonthStarts(Float64Array.from([Date.UTC(999, 11, 31), Date.UTC(1000, 0, 1)])),
    ).toBeNull();
    expect(
      utcMonthStarts(Float64Array.from([Date.UTC(9999, 11, 31), Date.UTC(10000, 0, 1)])),
    ).toBeNull();
    expect(utcMonthStarts(new Float64Array(0))).toEqual([]);
  });
});

describe('durations', () => {
  it('are a minute and a day in milliseconds', () => {
    expect(MINUTE_MS).toBe(60_000);
    expect(DAY_MS).toBe(24 * 60 * MINUTE_MS);
  });
});
