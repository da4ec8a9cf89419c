import { DAY_MS } from '@ptp/domain';
import type { MockMarketTape } from './mock-market-tape';
import { aggregateResults, SPAN_MS } from './polygon-mock-responses';

const DEFAULT_LIMIT = 5000;
const MAX_LIMIT = 50_000;

/** An answer of the mock: HTTP status and JSON body. */
export interface MockReply {
  readonly status: number;
  readonly body: unknown;
}

/** The path parameters of `/v2/aggs/ticker/{symbol}/range/{multiplier}/{timespan}/{from}/{to}`. */
export interface AggregatesRange {
  readonly symbol: string;
  readonly multiplier: number;
  readonly timespan: string;
  readonly from: string;
  readonly to: string;
}

export interface MockAggregatesOptions {
  readonly tape: MockMarketTape;
  /** Largest page, whatever `limit` asks (Polygon's is 50,000). */
  readonly maxPageSize?: number;
  /** Answer `status: "DELAYED"` like a delayed-data plan. */
  readonly delayed?: boolean;
  baseUrl(): string;
  nextId(): string;
}

/** Polygon's aggregates endpoints: ranges paged through `next_url` + cursor, and their envelope. */
export class MockAggregates {
  constructor(private readonly options: MockAggregatesOptions) {}

  range(url: URL, range: AggregatesRange, now: number): MockReply {
    const { symbol, multiplier, timespan } = range;
    const from = parseTime(range.from, false);
    const to = parseTime(range.to, true);
    if (
      from === null ||
      to === null ||
      multiplier < 1 ||
      (timespan !== 'day' && !SPAN_MS[timespan])
    ) {
      const body = {
        status: 'ERROR',
        request_id: this.options.nextId(),
        error: 'Could not parse the time parameter',
      };
      return { status: 400, body };
    }
    const cursor = url.searchParams.get('cursor');
    const cursorParams = new URLSearchParams(
      cursor ? Buffer.from(cursor, 'base64url').toString() : '',
    );
    const asked = Number(
      cursorParams.get('limit') ?? url.searchParams.get('limit') ?? DEFAULT_LIMIT,
    );
    const limit = Math.min(this.options.maxPageSize ?? MAX_LIMIT, asked || DEFAULT_LIMIT);
    const { tape } = this.options;
    // Polygon adjusts aggregates for splits unless asked not to; the cursor keeps the choice.
    const adjusted = (cursorParams.get('adjusted') ?? url.searchParams.get('adjusted')) !== 'false';
    const all = tape.knows(symbol)
      ? aggregateResults(tape, symbol, multiplier, timespan, from, to, now, adjusted)
      : [];
    const next = all[limit];
    const nextCursor = Buffer.from(`limit=${limit}&sort=asc&adjusted=${adjusted}`).toString(
      'base64url',
    );
    const nextUrl = next
      ? `${this.options.baseUrl()}/v2/aggs/ticker/${symbol}/range/${multiplier}/${timespan}/${next.t}/${range.to}?cursor=${nextCursor}`
      : undefined;
    return { status: 200, body: this.envelope(symbol, all.slice(0, limit), nextUrl) };
  }

  envelope(symbol: string, results: readonly unknown[], nextUrl: string | undefined) {
    return {
      ticker: symbol,
      queryCount: results.length,
      resultsCount: results.length,
      adjusted: true,
      ...(results.length > 0 ? { results } : {}),
      status: this.options.delayed ? 'DELAYED' : 'OK',
      request_id: this.options.nextId(),
      count: results.length,
      ...(nextUrl ? { next_url: nextUrl } : {}),
    };
  }
}

/** Polygon accepts `YYYY-MM-DD` (a whole UTC day here) or epoch ms in range paths. */
function parseTime(text: string, endOfDay: boolean): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms + (endOfDay ? DAY_MS - 1 : 0);
}
