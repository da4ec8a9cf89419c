import type { Bar, TradingSession } from '@ptp/domain';

/** Where market data comes from (MARKET_DATA_PROVIDER). */
export type MarketDataSource = 'simulated' | 'polygon' | 'replay';

/**
 * The provider's condition as /health and /api/market/status show it:
 * - `ok`: prices are fresh;
 * - `degraded`: upstream failed (or is rate limited) and the last good prices are served, marked stale;
 * - `unauthorized`: the key is invalid or the plan is not entitled to the data (HTTP 401/403);
 * - `starting`: no price has been fetched yet.
 */
export type ProviderState = 'ok' | 'degraded' | 'unauthorized' | 'starting';

/** A ticker the API accepts: upper-case letters, digits and dots, 1-10 characters (AAPL, BRK.B). */
export const SYMBOL_PATTERN = /^[A-Z][A-Z0-9.]{0,9}$/;

/** Bar sizes the bars endpoint accepts. */
export const MARKET_TIMESPANS = ['minute', 'hour', 'day'] as const;
export type MarketTimespan = (typeof MARKET_TIMESPANS)[number];

/** GET /api/market/quotes item. Times are UTC epoch milliseconds. */
export interface MarketQuote {
  readonly symbol: string;
  /** Last trade (or last close when no trade is known). */
  readonly price: number;
  readonly bid?: number;
  readonly ask?: number;
  /** When the provider says this price was current. */
  readonly asOf: number;
  readonly source: MarketDataSource;
  /** Seconds since the platform last received this price from the provider. */
  readonly ageSec: number;
  /** True past `marketData.staleAfterSec`, or when the last refresh failed: the engine does not trade it. */
  readonly stale: boolean;
}

/** One OHLCV bar of the symbol asked for; `time` is the bar's start in UTC ms. */
export type MarketBar = Omit<Bar, 'symbol'>;

/** GET /api/market/bars. */
export interface MarketBarsResponse {
  readonly symbol: string;
  readonly timespan: MarketTimespan;
  readonly from: number;
  readonly to: number;
  readonly source: MarketDataSource;
  readonly bars: readonly MarketBar[];
}

/** GET /api/market/status. Times are UTC ms; `session` is today's regular session, null on closed days. */
export interface MarketStatusResponse {
  readonly open: boolean;
  /** The market never closes (the simulated market with followMarketHours off): session and next open/close are NYSE's, for reference. */
  readonly alwaysOpen: boolean;
  readonly session: Omit<TradingSession, 'date'> | null;
  readonly nextOpen: number;
  readonly nextClose: number;
  readonly provider: MarketDataSource;
  readonly providerState: ProviderState;
  /** The provider's own notion of "now" (the simulated or replay clock; wall time for Polygon). */
  readonly asOf: number;
  /** Market seconds per wall-clock second (SIMULATION_SPEED for the simulated market, 1 for Polygon): countdowns run at this rate. */
  readonly clockRate: number;
}

/** Error codes of the market endpoints. */
export const MARKET_ERROR_CODES = {
  unknownSymbol: 'UNKNOWN_SYMBOL',
  providerUnavailable: 'MARKET_DATA_UNAVAILABLE',
  providerUnauthorized: 'MARKET_DATA_UNAUTHORIZED',
} as const;
