import type { MarketTimespan } from '@ptp/contracts';
import { type Bar, DataFormatError, parsePolygonAggregates } from '@ptp/domain';
import { ProviderError } from '../provider/provider-error';
import type { PolygonResponse } from './polygon-http.client';
import { isObject } from './polygon-wire';

const MAX_PAGES = 500;

/** One GET of a path or a `next_url`: the waiting request, or the one sent only when the budget is idle. */
export type PolygonGet = (
  pathOrUrl: string,
  query: Record<string, string>,
) => Promise<PolygonResponse>;

/**
 * `/v2/aggs/ticker/{T}/range/1/{timespan}/{from}/{to}`: the bars starting in [from, to] (UTC ms),
 * oldest first, `next_url` followed to the last page. A page that fails fails the whole answer, so a
 * caller never mistakes a partial range for a complete one.
 */
export async function fetchAggregates(
  get: PolygonGet,
  symbol: string,
  timespan: MarketTimespan,
  from: number,
  to: number,
): Promise<Bar[]> {
  const bars: Bar[] = [];
  let next: string | null =
    `/v2/aggs/ticker/${encodeURIComponent(symbol)}/range/1/${timespan}/${Math.floor(from)}/${Math.floor(to)}`;
  let query: Record<string, string> = { adjusted: 'true', sort: 'asc', limit: '50000' };
  for (let page = 0; next && page < MAX_PAGES; page++) {
    const { body } = await get(next, query);
    bars.push(...parseAggregates(body, symbol));
    next = isObject(body) && typeof body['next_url'] === 'string' ? body['next_url'] : null;
    query = {};
  }
  return bars;
}

function parseAggregates(body: unknown, symbol: string): Bar[] {
  try {
    return parsePolygonAggregates(body, { symbol });
  } catch (error) {
    if (error instanceof DataFormatError)
      throw new ProviderError('bad_response', `aggregates: ${error.message}`);
    throw error;
  }
}
