import { HOUR_MS } from '@ptp/domain';
import { SingleFlightCache } from '../cache/single-flight-cache';
import type { Clock } from '../provider/clock';
import type { ProviderQuote } from '../provider/market-data.provider';
import { ProviderError } from '../provider/provider-error';
import type { PolygonAccess } from './polygon-access';
import type { PolygonHttpClient } from './polygon-http.client';
import { lastTradeQuote, previousCloseQuote, snapshotQuote } from './polygon-quotes';
import { isObject } from './polygon-wire';
import type { BudgetLane } from './request-budget';

const SNAPSHOT_PATH = '/v2/snapshot/locale/us/markets/stocks/tickers';

/**
 * The REST requests behind a price: one snapshot for many symbols, then for each symbol it lacks the
 * last trade, else the previous close (plans without snapshots or trades fall back to it at once).
 */
export class PolygonQuoteRequests {
  private readonly previousCloses: SingleFlightCache<ProviderQuote | null>;

  constructor(
    private readonly http: PolygonHttpClient,
    private readonly access: PolygonAccess,
    clock: Clock,
  ) {
    this.previousCloses = new SingleFlightCache(clock, HOUR_MS);
  }

  /** Prices of `symbols` in the refresh lane; the symbols Polygon has no price for are left out. */
  async poll(symbols: readonly string[]): Promise<Map<string, ProviderQuote>> {
    const quotes = new Map<string, ProviderQuote>();
    if (symbols.length > 0 && this.access.entitled('snapshot')) {
      for (const quote of (await this.access.guard('snapshot', () => this.snapshot(symbols))) ?? [])
        quotes.set(quote.symbol, quote);
    }
    for (const symbol of symbols.filter((s) => !quotes.has(s))) {
      const quote = await this.singleQuote(symbol);
      if (quote) quotes.set(symbol, quote);
    }
    return quotes;
  }

  /** Whether Polygon has a previous close for the symbol (an aggregates range may just be empty). */
  async exists(symbol: string, lane: BudgetLane): Promise<boolean> {
    return (await this.previousClose(symbol, lane)) !== null;
  }

  private async snapshot(symbols: readonly string[]) {
    const { body } = await this.access.remember(() =>
      this.http.get(SNAPSHOT_PATH, { tickers: symbols.join(',') }),
    );
    const tickers = isObject(body) && Array.isArray(body['tickers']) ? body['tickers'] : null;
    if (!tickers) throw new ProviderError('bad_response', 'snapshot without "tickers"');
    return tickers.flatMap((ticker) => snapshotQuote(ticker) ?? []);
  }

  /** A symbol the snapshot lacks (no trade yet today, or unknown): its last trade, else its previous close. */
  private async singleQuote(symbol: string): Promise<ProviderQuote | null> {
    if (this.access.entitled('lastTrade')) {
      const trade = await this.access.guard('lastTrade', () =>
        this.access.remember(() => this.http.get(`/v2/last/trade/${encodeURIComponent(symbol)}`)),
      );
      if (trade) return trade.status === 404 ? null : lastTradeQuote(symbol, trade.body);
    }
    return this.previousClose(symbol, 'refresh');
  }

  private previousClose(symbol: string, lane: BudgetLane): Promise<ProviderQuote | null> {
    return this.previousCloses.get(symbol, async () =>
      previousCloseQuote(
        symbol,
        (
          await this.access.remember(() =>
            this.http.get(`/v2/aggs/ticker/${encodeURIComponent(symbol)}/prev`, {}, lane),
          )
        ).body,
      ),
    );
  }
}
