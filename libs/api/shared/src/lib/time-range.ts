import { addDays, newYorkWallTimeToUtc } from '@ptp/domain';
import { ApiError } from './api-error';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A half-open range [fromMs, toMs) in UTC ms; open ends are ±Infinity. */
export interface TimeRange {
  readonly fromMs: number;
  readonly toMs: number;
}

/**
 * `from`/`to` query values: a date (a New York trading day, `to` inclusive) or an ISO-8601 date-time.
 * Trading days are New York dates, so a date means that day in America/New_York, not in UTC.
 */
export function parseTimeRange(from: string | undefined, to: string | undefined): TimeRange {
  const fromMs =
    from === undefined
      ? Number.NEGATIVE_INFINITY
      : DATE_ONLY.test(from)
        ? newYorkWallTimeToUtc(from, 0)
        : Date.parse(from);
  const toMs =
    to === undefined
      ? Number.POSITIVE_INFINITY
      : DATE_ONLY.test(to)
        ? newYorkWallTimeToUtc(addDays(to, 1), 0)
        : Date.parse(to);
  if (fromMs >= toMs) {
    throw ApiError.badRequest('INVALID_RANGE', `from (${from}) must be before to (${to}).`, {
      from,
      to,
    });
  }
  return { fromMs, toMs };
}

/** The range as inclusive epoch-ms bounds for a BETWEEN (open ends become the widest safe values). */
export function inclusiveBounds(range: TimeRange): { readonly from: number; readonly to: number } {
  return {
    from: Number.isFinite(range.fromMs) ? range.fromMs : 0,
    // The range is half-open, so a finite end moves back one millisecond.
    to: Number.isFinite(range.toMs) ? range.toMs - 1 : Number.MAX_SAFE_INTEGER,
  };
}
