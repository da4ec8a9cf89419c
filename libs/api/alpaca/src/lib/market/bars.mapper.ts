import type { MarketQuote, MarketTimespan } from '@ptp/contracts';
import type { Bar } from '@ptp/domain';
import { invalidQuery as invalid, queryTime as time } from '../shared/alpaca-query';
import { rfc3339 } from '../shared/alpaca-values';

/** A bar in Alpaca Market Data v2's short keys. */
export interface AlpacaBar {
  readonly t: string;
  readonly o: number;
  readonly h: number;
  readonly l: number;
  readonly c: number;
  readonly v: number;
  readonly n: number;
  readonly vw: number;
}

/** Each Alpaca timeframe: the provider's timespan it is built from, and how many make one. */
export const BAR_TIMEFRAMES: Readonly<Record<string, { timespan: MarketTimespan; size: number }>> =
  {
    '1Min': { timespan: 'minute', size: 1 },
    '5Min': { timespan: 'minute', size: 5 },
    '15Min': { timespan: 'minute', size: 15 },
    '1Hour': { timespan: 'hour', size: 1 },
    '1Day': { timespan: 'day', size: 1 },
  };

const ADJUSTMENTS = new Set(['raw', 'split', 'dividend', 'all']);
const MAX_LIMIT = 10_000;
const DEFAULT_LIMIT = 1_000;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface BarsQuery {
  readonly timeframe: { timespan: MarketTimespan; size: number };
  readonly from: number;
  readonly to: number;
  readonly limit: number;
  readonly descending: boolean;
  /** Where the previous page stopped: symbol and bar time. */
  readonly page: { symbol: string; time: number } | null;
}

export function pageToken(symbol: string, time: number): string {
  return Buffer.from(`${symbol}:${time}`).toString('base64url');
}

function readPageToken(value: unknown): BarsQuery['page'] {
  if (value === undefined || value === '') return null;
  const [symbol, timeText] = Buffer.from(String(value), 'base64url').toString().split(':');
  const parsed = Number(timeText);
  if (!symbol || !Number.isFinite(parsed)) throw invalid('page_token is not valid');
  return { symbol, time: parsed };
}

/** timeframe/start/end/limit/page_token/adjustment/sort; `start` defaults to the UTC day's start. */
export function parseBarsQuery(query: Record<string, unknown>, now: number): BarsQuery {
  const timeframe = BAR_TIMEFRAMES[String(query['timeframe'] ?? '')];
  if (!timeframe)
    throw invalid(`timeframe must be one of ${Object.keys(BAR_TIMEFRAMES).join(', ')}`);
  const adjustment = query['adjustment'];
  if (adjustment !== undefined && !ADJUSTMENTS.has(String(adjustment)))
    throw invalid('adjustment must be raw, split, dividend or all');
  const limit = query['limit'] === undefined ? DEFAULT_LIMIT : Number(query['limit']);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw invalid(`limit must be an integer from 1 to ${MAX_LIMIT}`);
  const to = time(query['end'], 'end') ?? now;
  const from = time(query['start'], 'start') ?? Math.floor(now / DAY) * DAY;
  if (from > to) throw invalid('start must not be after end');
  return {
    timeframe,
    from,
    to,
    limit,
    descending: query['sort'] === 'desc',
    page: readPageToken(query['page_token']),
  };
}

/** Minute bars folded into `size`-minute bars aligned on the clock (5Min starts at :00, :05, …). */
export function aggregate(bars: readonly Bar[], size: number): Bar[] {
  if (size === 1) return [...bars];
  const step = size * MINUTE;
  const out: Bar[] = [];
  for (const bar of bars) {
    const start = Math.floor(bar.time / step) * step;
    const last = out.at(-1);
    if (last && last.time === start) {
      out[out.length - 1] = {
        ...last,
        high: Math.max(last.high, bar.high),
        low: Math.min(last.low, bar.low),
        close: bar.close,
        volume: last.volume + bar.volume,
      };
    } else out.push({ ...bar, time: start });
  }
  return out;
}

/** Alpaca's `n` (trades) and `vw` (VWAP) are not in our bars: 0 and the bar's typical price. */
export function toAlpacaBar(bar: Bar): AlpacaBar {
  return {
    t: rfc3339(bar.time),
    o: bar.open,
    h: bar.high,
    l: bar.low,
    c: bar.close,
    v: bar.volume,
    n: 0,
    vw: Number(((bar.high + bar.low + bar.close) / 3).toFixed(4)),
  };
}

export function toAlpacaTrade(quote: MarketQuote): Record<string, unknown> {
  return { t: rfc3339(quote.asOf), x: '', p: quote.price, s: 0, c: [], i: 0, z: '' };
}

export function toAlpacaQuote(quote: MarketQuote): Record<string, unknown> {
  return {
    t: rfc3339(quote.asOf),
    ax: '',
    ap: quote.ask ?? quote.price,
    as: 0,
    bx: '',
    bp: quote.bid ?? quote.price,
    bs: 0,
    c: [],
    z: '',
  };
}
