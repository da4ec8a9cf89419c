import type { MarketDataSource, ProviderState } from '@ptp/contracts';
import type { StreamState } from './provider/market-data.provider';

/** What /health and the status endpoint say about market data. */
export interface MarketDataHealth {
  readonly provider: MarketDataSource;
  readonly state: ProviderState;
  readonly message: string;
  /** Seconds since the newest price was received; null before the first. */
  readonly ageSec: number | null;
  readonly staleSymbols: string[];
  /** Symbols market data holds state for: the watchlist, what sessions and accounts use, recent lookups. */
  readonly trackedSymbols: number;
  /** In a cluster (REDIS_URL): whether this instance is the market-data leader, the one that asks upstream. */
  readonly leader?: boolean;
  /** The provider's push connection (Polygon WebSocket), when it has one. */
  readonly stream?: StreamState;
}
