import fc from 'fast-check';
import { newYorkDate, newYorkOffsetMs, newYorkWallTimeToUtc } from './new-york-time';

const HOUR = 3_600_000;
const utc = (iso: string) => Date.parse(iso);

describe('New York time', () => {
  it('switches to EDT at 02:00 EST on the second Sunday of March (07:00 UTC)', () => {
    expect(newYorkOffsetMs(utc('2025-03-09T06:59:59.999Z'))).toBe(-5 * HOUR);
    expect(newYorkOffsetMs(utc('2025-03-09T07:00:00Z'))).toBe(-4 * HOUR);
  });

  it('switches back to EST at 02:00 EDT on the first Sunday of November (06:00 UTC)', () => {
    expect(newYorkOffsetMs(utc('2025-11-02T05:59:59.999Z'))).toBe(-4 * HOUR);
    expect(newYorkOffsetMs(utc('2025-11-02T06:00:00Z'))).toBe(-5 * HOUR);
  });

  it('follows the pre-2007 US DST rules from the time-zone database', () => {
    // 2006: first Sunday of April to last Sunday of October.
    expect(newYorkOffsetMs(utc('2006-04-02T06:59:00Z'))).toBe(-5 * HOUR);
    expect(newYorkOffsetMs(utc('2006-04-02T07:00:00Z'))).toBe(-4 * HOUR);
    expect(newYorkOffsetMs(utc('2006-10-29T06:00:00Z'))).toBe(-5 * HOUR);
  });

  it('gives the New York calendar date around midnight in both seasons', () => {
    expect(newYorkDate(utc('2025-03-10T03:59:59Z'))).toBe('2025-03-09');
    expect(newYorkDate(utc('2025-03-10T04:00:00Z'))).toBe('2025-03-10');
    expect(newYorkDate(utc('2025-01-02T04:59:59Z'))).toBe('2025-01-01');
    expect(newYorkDate(utc('2025-01-02T05:00:00Z'))).toBe('2025-01-02');
    expect(newYorkDate(utc('2025-01-01T03:00:00Z'))).toBe('2024-12-31');
  });

  it('converts New York wall time to UTC on both sides of each DST change', () => {
    expect(newYorkWallTimeToUtc('2025-03-07', 570)).toBe(utc('2025-03-07T14:30:00Z'));
    expect(newYorkWallTimeToUtc('2025-03-10', 570)).toBe(utc('2025-03-10T13:30:00Z'));
    expect(newYorkWallTimeToUtc('2025-10-31', 960)).toBe(utc('2025-10-31T20:00:00Z'));
    expect(newYorkWallTimeToUtc('2025-11-03', 960)).toBe(utc('2025-11-03T21:00:00Z'));
  });

  it('agrees with Intl for any instant (the cached offsets are exact)', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/New_York',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    fc.assert(
      fc.property(
        fc.integer({ min: utc('1990-01-01T00:00:00Z'), max: utc('2040-12-31T00:00:00Z') }),
        (t) => {
          expect(newYorkDate(t)).toBe(fmt.format(t));
        },
      ),
      { numRuns: 500 },
    );
  });
});
