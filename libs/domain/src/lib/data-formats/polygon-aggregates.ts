import { newYorkDate } from '../calendar/new-york-time';
import { isoDateToUtcMidnight } from '../calendar/calendar-date';
import type { Bar } from '../market/bar';
import { checkBarNumbers, DataFormatError } from './data-format-error';

export interface PolygonAggregatesOptions {
  /** Overrides the response's `ticker`. */
  readonly symbol?: string;
  /**
   * Daily aggregates are stamped 00:00 America/New_York; with `daily: true` each bar's time becomes
   * 00:00 UTC of that New York date, the same convention as the Yahoo CSV parser.
   */
  readonly daily?: boolean;
}

const FAILED_STATUSES = new Set(['ERROR', 'NOT_AUTHORIZED', 'NOT_FOUND']);

interface AggregateResult {
  readonly t: unknown;
  readonly o: unknown;
  readonly h: unknown;
  readonly l: unknown;
  readonly c: unknown;
  readonly v: unknown;
}

/**
 * Parses a Polygon (Massive) `/v2/aggs/ticker/{T}/range/...` response body, as text or already
 * parsed. `t` is the bar start in UTC ms. A response without `results` (unknown ticker, empty
 * range) gives [].
 */
export function parsePolygonAggregates(
  body: string | unknown,
  options: PolygonAggregatesOptions = {},
): Bar[] {
  const response = typeof body === 'string' ? parseJson(body) : body;
  if (typeof response !== 'object' || response === null || Array.isArray(response)) {
    throw new DataFormatError('BAD_JSON', 'expected a JSON object with "results"');
  }
  const { status, ticker, results, error, message } = response as Record<string, unknown>;
  if (typeof status === 'string' && FAILED_STATUSES.has(status)) {
    throw new DataFormatError(
      'PROVIDER_ERROR',
      `Polygon answered ${status}: ${String(error ?? message ?? 'no message')}`,
    );
  }
  if (results === undefined || results === null) return [];
  if (!Array.isArray(results)) {
    throw new DataFormatError('BAD_RESULT', '"results" must be an array');
  }
  const symbol = options.symbol ?? ticker;
  if (typeof symbol !== 'string' || symbol === '') {
    throw new DataFormatError('MISSING_SYMBOL', 'no "ticker" in the response and no symbol given');
  }
  const bars: Bar[] = [];
  results.forEach((result: Partial<AggregateResult> | null, index) => {
    const where = `results[${index}]`;
    const [t, open, high, low, close, volume] = [
      result?.t,
      result?.o,
      result?.h,
      result?.l,
      result?.c,
      result?.v,
    ].map((v) => (typeof v === 'number' ? v : Number.NaN));
    if (!Number.isInteger(t)) {
      throw new DataFormatError(
        'BAD_RESULT',
        `${where}: "t" must be an integer of epoch milliseconds`,
      );
    }
    checkBarNumbers({ open, high, low, close, volume }, where);
    const time = options.daily ? isoDateToUtcMidnight(newYorkDate(t)) : t;
    if (bars.length > 0 && time <= bars[bars.length - 1].time) {
      throw new DataFormatError('OUT_OF_ORDER', `${where}: bar times must be strictly increasing`);
    }
    bars.push({ symbol, time, open, high, low, close, volume });
  });
  return bars;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DataFormatError('BAD_JSON', `not valid JSON: ${(e as Error).message}`);
  }
}
