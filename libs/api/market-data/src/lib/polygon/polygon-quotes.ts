import type { ProviderQuote } from '../provider/market-data.provider';
import { isObject, nanosToMs, num } from './polygon-wire';

/** Reads one ticker of `/v2/snapshot/.../tickers`; null when it carries no usable price. */
export function snapshotQuote(ticker: unknown): ProviderQuote | null {
  if (!isObject(ticker) || typeof ticker['ticker'] !== 'string') return null;
  const symbol = ticker['ticker'];
  const lastTrade = isObject(ticker['lastTrade']) ? ticker['lastTrade'] : {};
  const lastQuote = isObject(ticker['lastQuote']) ? ticker['lastQuote'] : {};
  const min = isObject(ticker['min']) ? ticker['min'] : null;
  const day = isObject(ticker['day']) ? ticker['day'] : {};
  const prevDay = isObject(ticker['prevDay']) ? ticker['prevDay'] : {};
  // Before the first trade of the day Polygon zeroes `day`; fall back to the previous close.
  const price = num(lastTrade['p']) || num(min?.['c']) || num(day['c']) || num(prevDay['c']);
  const asOf = nanosToMs(lastTrade['t']) ?? nanosToMs(ticker['updated']) ?? num(min?.['t']);
  if (!price || asOf === undefined || asOf === null) return null;
  const bid = num(lastQuote['p']);
  const ask = num(lastQuote['P']);
  return { symbol, price, asOf, ...(bid ? { bid } : {}), ...(ask ? { ask } : {}) };
}

/** `/v2/last/trade/{T}` results as a quote. */
export function lastTradeQuote(symbol: string, body: unknown): ProviderQuote | null {
  const results = isObject(body) && isObject(body['results']) ? body['results'] : null;
  const price = num(results?.['p']);
  const asOf = nanosToMs(results?.['t']);
  return price && asOf !== null ? { symbol, price, asOf } : null;
}

/** `/v2/aggs/ticker/{T}/prev` as a quote (the last close, stamped with its bar time). */
export function previousCloseQuote(symbol: string, body: unknown): ProviderQuote | null {
  const results = isObject(body) && Array.isArray(body['results']) ? body['results'] : [];
  const bar = isObject(results[0]) ? results[0] : null;
  const price = num(bar?.['c']);
  const asOf = num(bar?.['t']);
  return price && asOf !== undefined ? { symbol, price, asOf } : null;
}

/** NYSE closures and early closes from `/v1/marketstatus/upcoming` (a bare array). */
export function upcomingClosures(body: unknown): Map<string, { close: number | null }> {
  const closures = new Map<string, { close: number | null }>();
  for (const day of Array.isArray(body) ? body : []) {
    if (!isObject(day) || day['exchange'] !== 'NYSE' || typeof day['date'] !== 'string') continue;
    if (day['status'] === 'closed') closures.set(day['date'], { close: null });
    if (
      day['status'] === 'early-close' &&
      typeof day['close'] === 'string' &&
      !Number.isNaN(Date.parse(day['close']))
    ) {
      closures.set(day['date'], { close: Date.parse(day['close']) });
    }
  }
  return closures;
}
