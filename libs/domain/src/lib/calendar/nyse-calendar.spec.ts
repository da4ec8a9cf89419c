import fc from 'fast-check';
import { addDays } from './calendar-date';
import {
  isOpen,
  isTradingDay,
  nextClose,
  nextOpen,
  nyseEarlyCloses,
  nyseHolidays,
  session,
} from './nyse-calendar';
import { easterSunday, nyseRulesForYear } from './nyse-holiday-rules';
import { NYSE_HOLIDAY_TABLE } from './nyse-holiday-table';

const utc = (iso: string) => Date.parse(iso);

describe('session', () => {
  it('is 09:30–16:00 New York time, which moves in UTC across DST', () => {
    expect(session('2025-03-07')).toEqual({
      date: '2025-03-07',
      open: utc('2025-03-07T14:30:00Z'),
      close: utc('2025-03-07T21:00:00Z'),
      earlyClose: false,
    });
    expect(session('2025-03-10')).toEqual({
      date: '2025-03-10',
      open: utc('2025-03-10T13:30:00Z'),
      close: utc('2025-03-10T20:00:00Z'),
      earlyClose: false,
    });
    expect(session('2025-11-03')?.open).toBe(utc('2025-11-03T14:30:00Z'));
  });

  it('is null on weekends and holidays, including the 2025-01-09 day of mourning', () => {
    for (const date of [
      '2025-03-08',
      '2025-03-09',
      '2025-01-01',
      '2025-01-09',
      '2025-04-18',
      '2026-07-03',
      '2027-12-24',
    ]) {
      expect(session(date)).toBeNull();
    }
  });

  it('closes at 13:00 on early-close days', () => {
    expect(session('2025-07-03')).toMatchObject({
      earlyClose: true,
      close: utc('2025-07-03T17:00:00Z'),
    });
    expect(session('2025-11-28')).toMatchObject({
      earlyClose: true,
      close: utc('2025-11-28T18:00:00Z'),
    });
    expect(session('2025-12-24')).toMatchObject({
      earlyClose: true,
      close: utc('2025-12-24T18:00:00Z'),
    });
  });

  it('trades a full day on 2027-12-31 because New Year 2028 falls on a Saturday', () => {
    expect(session('2027-12-31')).toMatchObject({
      earlyClose: false,
      close: utc('2027-12-31T21:00:00Z'),
    });
  });

  it('rejects strings that are not calendar dates', () => {
    for (const bad of ['2025-02-30', '2025-1-2', 'tomorrow', '']) {
      expect(() => session(bad)).toThrow(RangeError);
      expect(() => isTradingDay(bad)).toThrow(RangeError);
    }
  });

  it('exists exactly on the weekdays that are not full-day closures', () => {
    expect(isTradingDay('2025-01-09')).toBe(false);
    expect(isTradingDay('2025-11-28')).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 * 366 }), (offset) => {
        const date = addDays('1995-01-01', offset);
        const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
        const closed = nyseHolidays(Number(date.slice(0, 4))).some((h) => h.date === date);
        expect(isTradingDay(date)).toBe(!weekend && !closed);
        expect(session(date) !== null).toBe(!weekend && !closed);
      }),
    );
  });
});

describe('the 2025–2028 table', () => {
  it('holds the NYSE-published dates', () => {
    expect(nyseHolidays(2025).map((h) => h.date)).toEqual([
      '2025-01-01',
      '2025-01-09',
      '2025-01-20',
      '2025-02-17',
      '2025-04-18',
      '2025-05-26',
      '2025-06-19',
      '2025-07-04',
      '2025-09-01',
      '2025-11-27',
      '2025-12-25',
    ]);
    expect(nyseHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-04-03',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-11-26',
      '2026-12-25',
    ]);
    expect(nyseHolidays(2027).map((h) => h.date)).toEqual([
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-03-26',
      '2027-05-31',
      '2027-06-18',
      '2027-07-05',
      '2027-09-06',
      '2027-11-25',
      '2027-12-24',
    ]);
    expect(nyseEarlyCloses(2025).map((h) => h.date)).toEqual([
      '2025-07-03',
      '2025-11-28',
      '2025-12-24',
    ]);
    expect(nyseEarlyCloses(2026).map((h) => h.date)).toEqual(['2026-11-27', '2026-12-24']);
    expect(nyseEarlyCloses(2027).map((h) => h.date)).toEqual(['2027-11-26']);
  });

  it('agrees with the rules except for the ad-hoc closure', () => {
    for (const year of [2025, 2026, 2027, 2028]) {
      const table = NYSE_HOLIDAY_TABLE[year];
      const rules = nyseRulesForYear(year);
      const adHoc = Object.keys(table.closed).filter((d) => !(d in rules.closed));
      expect(adHoc).toEqual(year === 2025 ? ['2025-01-09'] : []);
      expect(Object.keys(rules.closed).filter((d) => !(d in table.closed))).toEqual([]);
      expect(Object.keys(table.earlyCloses).sort()).toEqual(Object.keys(rules.earlyCloses).sort());
    }
  });
});

describe('rule years', () => {
  it(
    'does not observe New Year on a Saturday (2033) ' + 'but moves a Sunday one to Monday (2045)',
    () => {
      expect(session('2032-12-31')).toMatchObject({ earlyClose: false });
      expect(session('2033-01-03')).not.toBeNull();
      expect(session('2045-01-02')).toBeNull(); // 2045-01-01 is a Sunday
    },
  );

  it('computes Good Friday from Easter', () => {
    expect(
      ['2000', '2008', '2011', '2019', '2038', '2285'].map((y) => easterSunday(Number(y))),
    ).toEqual(['2000-04-23', '2008-03-23', '2011-04-24', '2019-04-21', '2038-04-25', '2285-03-22']);
    expect(session('2029-03-30')).toBeNull();
    expect(session('2030-04-19')).toBeNull();
  });

  it('observes Juneteenth, Independence Day and Christmas on the nearest weekday', () => {
    expect(session('2032-06-18')).toBeNull(); // June 19 is a Saturday
    expect(session('2032-07-05')).toBeNull(); // July 4 is a Sunday
    expect(session('2032-12-24')).toBeNull(); // December 25 is a Saturday
    expect(session('2033-06-20')).toBeNull(); // June 19 is a Sunday
  });

  it(
    'closes early on July 3 and December 24 only ' +
      'from Monday to Thursday, and after Thanksgiving',
    () => {
      expect(nyseEarlyCloses(2029).map((h) => h.date)).toEqual([
        '2029-07-03',
        '2029-11-23',
        '2029-12-24',
      ]);
      // July 3 Sat, Dec 24 Fri (closed)
      expect(nyseEarlyCloses(2032).map((h) => h.date)).toEqual(['2032-11-26']);
      expect(nyseEarlyCloses(2030).map((h) => h.date)).toEqual([
        '2030-07-03',
        '2030-11-29',
        '2030-12-24',
      ]);
    },
  );

  it('lists each rule year with one date per holiday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2029, max: 2200 }), (year) => {
        const holidays = nyseHolidays(year);
        const newYearOnSaturday = new Date(Date.UTC(year, 0, 1)).getUTCDay() === 6;
        expect(holidays).toHaveLength(newYearOnSaturday ? 9 : 10);
        for (const { date } of holidays) {
          expect([1, 2, 3, 4, 5]).toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('isOpen / nextOpen / nextClose', () => {
  it('treats the open as inclusive and the close as exclusive', () => {
    expect(isOpen(utc('2025-03-10T13:29:59.999Z'))).toBe(false);
    expect(isOpen(utc('2025-03-10T13:30:00Z'))).toBe(true);
    expect(isOpen(utc('2025-03-10T19:59:59.999Z'))).toBe(true);
    expect(isOpen(utc('2025-03-10T20:00:00Z'))).toBe(false);
    expect(isOpen(utc('2025-11-28T17:59:59Z'))).toBe(true);
    expect(isOpen(utc('2025-11-28T18:00:00Z'))).toBe(false);
    expect(isOpen(utc('2025-01-09T16:00:00Z'))).toBe(false);
    expect(isOpen(utc('2025-03-08T16:00:00Z'))).toBe(false);
  });

  it('matches the session bounds minute by minute through a DST week', () => {
    const start = utc('2025-03-07T00:00:00Z');
    for (let t = start; t < start + 5 * 86_400_000; t += 60_000) {
      const today = session(
        new Date(t - (t < utc('2025-03-09T07:00:00Z') ? 5 : 4) * 3_600_000)
          .toISOString()
          .slice(0, 10),
      );
      expect(isOpen(t)).toBe(today !== null && t >= today.open && t < today.close);
    }
  });

  it('finds the next open over a weekend that contains the DST change', () => {
    expect(nextOpen(utc('2025-03-07T21:00:00Z'))).toBe(utc('2025-03-10T13:30:00Z'));
    expect(nextOpen(utc('2025-03-10T12:00:00Z'))).toBe(utc('2025-03-10T13:30:00Z'));
    expect(nextOpen(utc('2025-03-10T13:30:00Z'))).toBe(utc('2025-03-11T13:30:00Z'));
  });

  it('skips holidays and the ad-hoc closure', () => {
    expect(nextOpen(utc('2025-01-08T22:00:00Z'))).toBe(utc('2025-01-10T14:30:00Z'));
    expect(nextOpen(utc('2025-04-17T21:00:00Z'))).toBe(utc('2025-04-21T13:30:00Z'));
    expect(nextOpen(utc('2025-12-31T23:00:00Z'))).toBe(utc('2026-01-02T14:30:00Z'));
  });

  it(
    'finds today’s close while open, and the next ' +
      'session’s close otherwise, including early closes',
    () => {
      expect(nextClose(utc('2025-11-28T15:00:00Z'))).toBe(utc('2025-11-28T18:00:00Z'));
      expect(nextClose(utc('2025-11-26T22:00:00Z'))).toBe(utc('2025-11-28T18:00:00Z'));
      expect(nextClose(utc('2025-03-07T12:00:00Z'))).toBe(utc('2025-03-07T21:00:00Z'));
    },
  );

  it('agrees with isOpen at every instant', () => {
    const instants = fc.integer({
      min: utc('2024-01-01T00:00:00Z'),
      max: utc('2036-01-01T00:00:00Z'),
    });
    fc.assert(
      fc.property(instants, (t) => {
        const open = nextOpen(t);
        const close = nextClose(t);
        expect(open).toBeGreaterThan(t);
        expect(close).toBeGreaterThan(t);
        expect(isOpen(open)).toBe(true);
        expect(isOpen(open - 1)).toBe(false);
        expect(isOpen(close)).toBe(false);
        expect(isOpen(close - 1)).toBe(true);
        expect(close < open).toBe(isOpen(t));
      }),
      { numRuns: 300 },
    );
  });

  it('always finds a session within a week of any date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (offset) => {
        const date = addDays('2000-01-01', offset);
        const week = Array.from({ length: 7 }, (_, i) => session(addDays(date, i)));
        expect(week.some((s) => s !== null)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
