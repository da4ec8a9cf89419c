import type { MarketDataSource, MarketTimespan, ProviderState } from '@ptp/contracts';
import { type Bar, type CorporateActions, NO_CORPORATE_ACTIONS } from '@ptp/domain';
import { EMPTY, type Observable } from 'rxjs';

/** A price as the provider knows it. Times are UTC ms. */
export interface ProviderQuote {
  readonly symbol: string;
  readonly price: number;
  readonly bid?: number;
  readonly ask?: number;
  readonly asOf: number;
}

/** The answer to one batched quote request: the prices found and the symbols the provider does not know. */
export interface QuoteBatch {
  readonly quotes: readonly ProviderQuote[];
  readonly unknown: readonly string[];
}

/** What the provider knows about the market session; null fields are filled from the NYSE calendar. */
export interface ProviderMarketStatus {
  /** The provider's "now" (simulated and replay clocks run at their own speed). */
  readonly now: number;
  /** Whether the regular session is open, when the provider has its own view (Polygon, or a market that never closes). */
  readonly open: boolean | null;
  /** The market never closes (the simulated demo market without NYSE hours); the calendar then only informs. */
  readonly alwaysOpen?: boolean;
  /** Market seconds per wall-clock second: the simulated and replay speed, 1 for live data. */
  readonly clockRate: number;
  /** Closures and early closes the provider announces, keyed by New York date. */
  readonly closures: ReadonlyMap<string, { readonly close: number | null }>;
}

/**
 * A push connection's condition:
 * - `connecting`: the first connection is being opened and authenticated;
 * - `streaming`: authenticated and subscribed;
 * - `reconnecting`: the connection was lost (or refused); the next attempt is scheduled;
 * - `auth_failed`: the key or plan was refused; tried again much later;
 * - `off`: not started, or stopped.
 */
export type StreamState = 'off' | 'connecting' | 'streaming' | 'reconnecting' | 'auth_failed';

export interface ProviderHealth {
  readonly state: ProviderState;
  /** A user-facing reason; never contains a credential. */
  readonly message: string;
  /** The push connection, for providers that have one (Polygon's WebSocket). */
  readonly stream?: StreamState;
}

/**
 * The one port behind which every market-data source sits (simulated, Polygon, replay). It is its
 * own DI token. Implementations never throw for an unknown symbol: they report it.
 */
export abstract class MarketDataProvider {
  abstract readonly source: MarketDataSource;

  /** Latest prices of many symbols in one upstream call. Rejects with ProviderError when upstream fails. */
  abstract fetchQuotes(symbols: readonly string[]): Promise<QuoteBatch>;

  /** Bars of `timespan` whose start lies in [from, to] (UTC ms), oldest first; null for an unknown symbol. */
  abstract fetchBars(
    symbol: string,
    timespan: MarketTimespan,
    from: number,
    to: number,
  ): Promise<Bar[] | null>;

  abstract marketStatus(): Promise<ProviderMarketStatus>;

  /** Completed 1-minute bars of the watched symbols as they close: each once, in time order per symbol (a `BarFeed`). */
  abstract readonly bars$: Observable<Bar>;

  /** Bars taken as history (backfills): what a market-data leader shares with its peers besides `bars$`. */
  abstract readonly historyBars$: Observable<Bar>;

  /**
   * A bar the market-data leader published (through Redis): emitted on `bars$` when it is news, kept
   * as history otherwise; either way dropped when it is not newer than what the provider holds.
   */
  abstract follow(bar: Bar, as: 'publish' | 'record'): void;

  /** Prices pushed between refreshes (Polygon's WebSocket trades); providers that only answer polls push none. */
  readonly quotes$: Observable<ProviderQuote> = EMPTY;

  /** Adds symbols to those the provider streams bars for; resolves to the ones it does not know. */
  abstract watch(symbols: readonly string[]): Promise<string[]>;

  /** Stops streaming the symbols and lets go of everything held for them (history, last prices). */
  abstract unwatch(symbols: readonly string[]): void;

  /**
   * The symbols its reference does not list as US equities or ETFs: the list shipped with the
   * project, the replay files, or Polygon's tickers reference (asked within the request budget).
   */
  abstract unlisted(symbols: readonly string[]): Promise<string[]>;

  /**
   * Splits (by `execution_date`) and cash dividends (by `ex_dividend_date`) of `symbols` dated in
   * [from, to] (`YYYY-MM-DD`), for the engines of live accounts. Never rejects: what cannot be had
   * now is left out and asked for again at the next refresh. Providers without any announce none.
   */
  async corporateActions(
    _symbols: readonly string[],
    _from: string,
    _to: string,
  ): Promise<CorporateActions> {
    return NO_CORPORATE_ACTIONS;
  }

  /** The newest completed 1-minute bars the provider holds for a symbol (history + stream), oldest first. */
  abstract recentBars(symbol: string, count: number): Bar[];

  abstract health(): ProviderHealth;

  /**
   * Backfills history and starts producing bars. `origin` is the wall time the market's clock
   * started at (the simulated and replay clocks), shared by the instances of a cluster so that
   * whichever leads produces the same market; it defaults to now.
   */
  abstract start(origin?: number): Promise<void>;

  /**
   * Loads what answering needs without producing bars, its clock set to `origin`: how a follower
   * of a cluster's market-data leader starts.
   */
  async prepare(_origin?: number): Promise<void> {
    // Most providers need nothing before their first bar.
  }

  /** Stops producing (timers, upstream connections) but keeps serving and following; `start` resumes. */
  abstract pause(): Promise<void>;

  abstract stop(): Promise<void>;
}
