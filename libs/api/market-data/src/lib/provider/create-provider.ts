import { Logger } from '@nestjs/common';
import type { AppConfig } from '@ptp/api/config';
import type { MarketDataMetrics } from '@ptp/api/metrics';
import { DEFAULT_SIMULATED_WATCHLIST } from '@ptp/domain';
import { PolygonMarketProvider } from '../polygon/polygon-market.provider';
import { ReplayMarketProvider } from '../replay/replay-market.provider';
import { SimulatedMarketProvider } from '../simulated/simulated-market.provider';
import { LISTED_SYMBOLS } from '../universe/listed-symbols';
import type { Clock } from './clock';
import type { MarketDataProvider } from './market-data.provider';

/** The provider MARKET_DATA_PROVIDER (resolved by the config loader: polygon when a key is set) names. */
export function createProvider(
  config: AppConfig,
  clock: Clock,
  metrics: MarketDataMetrics | null = null,
): MarketDataProvider {
  const { marketData, trading } = config;
  switch (marketData.provider) {
    case 'polygon':
      if (!marketData.polygon.apiKey) throw new Error('the polygon provider needs POLYGON_API_KEY');
      return new PolygonMarketProvider(
        {
          ...marketData.polygon,
          apiKey: marketData.polygon.apiKey,
          backfillBars: marketData.simulated.backfillBars,
        },
        clock,
        new Logger(PolygonMarketProvider.name),
        metrics,
      );
    case 'replay':
      return new ReplayMarketProvider(marketData.replay, clock, LISTED_SYMBOLS);
    case 'simulated':
    default:
      return new SimulatedMarketProvider(
        {
          ...marketData.simulated,
          symbols: [...new Set([...trading.watchlist, ...DEFAULT_SIMULATED_WATCHLIST])],
          listed: LISTED_SYMBOLS,
        },
        clock,
      );
  }
}
