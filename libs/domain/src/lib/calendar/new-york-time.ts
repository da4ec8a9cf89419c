import { isoDateToUtcMidnight, MINUTE_MS, utcMsToIsoDate, HOUR_MS } from './calendar-date';

/**
 * America/New_York wall-clock conversions. Offsets come from the runtime's time-zone database
 * through Intl.DateTimeFormat, so DST changes (and historical rule changes) are correct. Because
 * Intl is slow and a backtest asks for millions of offsets, each UTC year's offset changes are
 * located once (by bisection to the hour; New York changes offset on whole UTC hours) and cached:
 * one small entry per year.
 */

const STANDARD_OFFSET_MS = -5 * HOUR_MS;

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

interface OffsetChange {
  readonly from: number;
  readonly offset: number;
}

const offsetChangesByYear = new Map<number, readonly OffsetChange[]>();

function intlOffsetMs(t: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(t)) {
    parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts['year'],
    parts['month'] - 1,
    parts['day'],
    parts['hour'],
    parts['minute'],
    parts['second'],
  );
  return wall - Math.floor(t / 1000) * 1000;
}

function offsetChangesOf(year: number): readonly OffsetChange[] {
  const cached = offsetChangesByYear.get(year);
  if (cached) {
    return cached;
  }
  const changes: OffsetChange[] = [
    { from: Date.UTC(year, 0, 1), offset: intlOffsetMs(Date.UTC(year, 0, 1)) },
  ];
  for (let month = 1; month <= 12; month++) {
    const before = changes[changes.length - 1];
    const probe = Date.UTC(year, month, 1);
    const offset = intlOffsetMs(probe);
    if (offset !== before.offset) {
      changes.push({
        from: firstHourWithOffset(
          Math.max(before.from, Date.UTC(year, month - 1, 1)),
          probe,
          offset,
        ),
        offset,
      });
    }
  }
  offsetChangesByYear.set(year, changes);
  return changes;
}

/** Bisects whole hours in (lo, hi] for the first instant whose offset is `offset` (true at hi). */
function firstHourWithOffset(lo: number, hi: number, offset: number): number {
  while (hi - lo > HOUR_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / HOUR_MS) * HOUR_MS;
    if (intlOffsetMs(mid) === offset) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return hi;
}

/** New York's UTC offset at instant `t` in ms (−4 h in EDT, −5 h in EST). */
export function newYorkOffsetMs(t: number): number {
  const changes = offsetChangesOf(new Date(t).getUTCFullYear());
  let offset = changes[0].offset;
  for (const change of changes) {
    if (change.from <= t) offset = change.offset;
  }
  return offset;
}

/**
 * The New York calendar date (`YYYY-MM-DD`) of an instant: the trading date a bar or fill belongs
 * to.
 */
export function newYorkDate(t: number): string {
  return utcMsToIsoDate(t + newYorkOffsetMs(t));
}

/** The UTC instant of a New York wall-clock time (minutes after midnight) on a date. */
export function newYorkWallTimeToUtc(date: string, minutesAfterMidnight: number): number {
  const wall = isoDateToUtcMidnight(date) + minutesAfterMidnight * MINUTE_MS;
  const guess = wall - newYorkOffsetMs(wall - STANDARD_OFFSET_MS);
  const offset = newYorkOffsetMs(guess);
  return wall - offset;
}
