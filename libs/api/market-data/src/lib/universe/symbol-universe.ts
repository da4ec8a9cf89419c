import { Injectable } from '@nestjs/common';
import { type AppConfig, InjectAppConfig } from '@ptp/api/config';
import { providerFailure, unknownSymbolsError } from '../http/market-errors';
import { MarketDataProvider } from '../provider/market-data.provider';

/**
 * The tradable universe: the configured watchlist plus the provider's reference of US equities and
 * ETFs (the list shipped with the project for the simulated and replay markets, Polygon's tickers
 * reference with a key). Nothing outside it is ever tracked, fetched or simulated.
 */
@Injectable()
export class SymbolUniverse {
  private readonly watchlist: ReadonlySet<string>;

  constructor(
    private readonly provider: MarketDataProvider,
    @InjectAppConfig() config: AppConfig,
  ) {
    this.watchlist = new Set(config.trading.watchlist);
  }

  /** The symbols (each once) outside the universe. */
  async unknown(symbols: readonly string[]): Promise<string[]> {
    const rest = [...new Set(symbols)].filter((symbol) => !this.watchlist.has(symbol));
    return rest.length > 0 ? this.provider.unlisted(rest) : [];
  }

  /** Rejects with 422 UNKNOWN_SYMBOL naming them, or 503 when the reference cannot be asked now. */
  async require(symbols: readonly string[]): Promise<void> {
    const unknown = await this.unknown(symbols).catch((error: unknown) => {
      throw providerFailure(error);
    });
    if (unknown.length > 0) throw unknownSymbolsError(unknown);
  }
}
