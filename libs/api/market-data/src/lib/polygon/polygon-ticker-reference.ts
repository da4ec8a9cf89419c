import { ExpiringLru } from '@ptp/api/shared';
import type { Clock } from '../provider/clock';
import type { PolygonResponse } from './polygon-http.client';
import { isObject } from './polygon-wire';

const REFERENCE_PATH = '/v3/reference/tickers';
/** Answers remembered at most; the least recently asked go first. */
const MAX_REMEMBERED = 10_000;
/** A listing rarely ends within a day; a new one may appear sooner, so a "no" is asked again earlier. */
const LISTED_TTL_MS = 24 * 3_600_000;
const UNLISTED_TTL_MS = 6 * 3_600_000;

/** One GET of the reference endpoint, spending a lookup slot of the request budget. */
export type ReferenceGet = (
  path: string,
  query: Record<string, string>,
) => Promise<PolygonResponse>;

/**
 * Whether Polygon lists a ticker as an active US stock or ETF: `GET /v3/reference/tickers?ticker=X
 * &market=stocks&active=true`, one symbol per request. Both answers are remembered in a bounded LRU,
 * and concurrent questions about one symbol share a request.
 */
export class PolygonTickerReference {
  private readonly answers: ExpiringLru<string, boolean>;
  private readonly asking = new Map<string, Promise<boolean>>();

  constructor(
    private readonly get: ReferenceGet,
    clock: Clock,
  ) {
    this.answers = new ExpiringLru(MAX_REMEMBERED, clock);
  }

  /**
   * The symbols Polygon does not list. Remembered refusals are answered at once; the others are
   * looked up one by one until the first unlisted one, so a list of made-up tickers costs one request.
   */
  async unlisted(symbols: readonly string[]): Promise<string[]> {
    const known = symbols.map((symbol) => [symbol, this.answers.get(symbol)] as const);
    const refused = known.filter(([, listed]) => listed === false).map(([symbol]) => symbol);
    if (refused.length > 0) return refused;
    for (const [symbol, listed] of known) {
      if (listed === undefined && !(await this.listed(symbol))) return [symbol];
    }
    return [];
  }

  private listed(symbol: string): Promise<boolean> {
    const running = this.asking.get(symbol);
    if (running) return running;
    const asking = this.ask(symbol).finally(() => this.asking.delete(symbol));
    this.asking.set(symbol, asking);
    return asking;
  }

  private async ask(symbol: string): Promise<boolean> {
    const { body } = await this.get(REFERENCE_PATH, {
      ticker: symbol,
      market: 'stocks',
      active: 'true',
    });
    const results = isObject(body) && Array.isArray(body['results']) ? body['results'] : [];
    const listed = results.some(
      (entry) => isObject(entry) && entry['ticker'] === symbol && entry['active'] !== false,
    );
    this.answers.set(symbol, listed, listed ? LISTED_TTL_MS : UNLISTED_TTL_MS);
    return listed;
  }
}
