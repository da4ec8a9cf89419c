import {
  type CorporateActions,
  DataFormatError,
  type DividendAction,
  HOUR_MS,
  NO_CORPORATE_ACTIONS,
  parseDividend,
  parseSplit,
  type SplitAction,
} from '@ptp/domain';
import { SingleFlightCache } from '../cache/single-flight-cache';
import type { Clock } from '../provider/clock';
import type { PolygonGet } from './polygon-aggregates';
import type { PolygonLogger } from './polygon-http.client';
import { isObject } from './polygon-wire';

export const SPLITS_PATH = '/v3/reference/splits';
export const DIVIDENDS_PATH = '/v3/reference/dividends';
/** A symbol's actions are asked for at most twice a day; the window moves on daily, so does the key. */
const ANSWER_TTL_MS = 12 * HOUR_MS;
const MAX_REMEMBERED = 2_000;
const MAX_PAGES = 20;

type Parse<T> = (item: unknown, where: string) => T;

/**
 * Polygon's splits and dividends references, one symbol at a time (`ticker=` with the date range
 * forms), `next_url` followed to the end. Answers are cached per symbol and window, so the desks'
 * refreshes cost two requests per symbol and day, in the lookup lane of the request budget. A symbol
 * whose requests fail is logged and left out; it is asked for again at the next refresh.
 */
export class PolygonCorporateActions {
  private readonly answers: SingleFlightCache<CorporateActions>;

  constructor(
    private readonly get: PolygonGet,
    clock: Clock,
    private readonly logger: PolygonLogger,
  ) {
    this.answers = new SingleFlightCache(clock, ANSWER_TTL_MS, MAX_REMEMBERED);
  }

  /** One symbol after the other: they queue in the lookup lane anyway, and a failure stays its own. */
  async actions(symbols: readonly string[], from: string, to: string): Promise<CorporateActions> {
    const splits: SplitAction[] = [];
    const dividends: DividendAction[] = [];
    for (const symbol of new Set(symbols)) {
      const answer = await this.answers
        .get(`${symbol}|${from}|${to}`, () => this.fetch(symbol, from, to))
        .catch((error: unknown) => {
          this.logger.warn(
            `Polygon corporate actions of ${symbol}: ${(error as Error).message}; asked again at the next refresh`,
          );
          return NO_CORPORATE_ACTIONS;
        });
      splits.push(...answer.splits);
      dividends.push(...answer.dividends);
    }
    return { splits, dividends };
  }

  private async fetch(symbol: string, from: string, to: string): Promise<CorporateActions> {
    const splits: SplitAction[] = await this.pages(
      SPLITS_PATH,
      { ticker: symbol, 'execution_date.gte': from, 'execution_date.lte': to },
      parseSplit,
    );
    const dividends: DividendAction[] = await this.pages(
      DIVIDENDS_PATH,
      { ticker: symbol, 'ex_dividend_date.gte': from, 'ex_dividend_date.lte': to },
      parseDividend,
    );
    // A `ticker=` filter answers that ticker only; anything else would be another symbol's action.
    return {
      splits: splits.filter((split) => split.ticker === symbol),
      dividends: dividends.filter((dividend) => dividend.ticker === symbol),
    };
  }

  /** Every page's results that parse; an item Polygon sends without a usable field is skipped. */
  private async pages<T>(path: string, filter: Record<string, string>, parse: Parse<T>) {
    const items: T[] = [];
    let next: string | null = path;
    let query: Record<string, string> = { ...filter, order: 'asc', limit: '1000' };
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const { body } = await this.get(next, query);
      const results = isObject(body) && Array.isArray(body['results']) ? body['results'] : [];
      for (const [i, item] of results.entries()) {
        if (isObject(item) && typeof item['currency'] === 'string' && item['currency'] !== 'USD')
          continue;
        try {
          items.push(parse(item, `${path} results[${i}]`));
        } catch (error) {
          if (!(error instanceof DataFormatError)) throw error;
          this.logger.warn(`Polygon ${error.message}: skipped`);
        }
      }
      next = isObject(body) && typeof body['next_url'] === 'string' ? body['next_url'] : null;
      query = {};
    }
    return items;
  }
}
