import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ptp/api/config';
import { createProvider, MarketDataService, SystemClock } from '@ptp/api/market-data';
import { MarketDataMetrics } from '@ptp/api/metrics';
import type { MarketTimespan } from '@ptp/contracts';
import type { Bar } from '@ptp/domain';

/** Where a Polygon-sourced run's bars come from. */
export abstract class BacktestBars {
  /** Bars whose start lies in [from, to] (UTC ms), oldest first; null for an unknown symbol. */
  abstract bars(
    symbol: string,
    timespan: MarketTimespan,
    from: number,
    to: number,
  ): Promise<Bar[] | null>;
}

/** Serving processes already run the market-data module: its cache and request budget. */
export const SERVING_BARS: Provider = {
  provide: BacktestBars,
  inject: [MarketDataService],
  useFactory: (marketData: MarketDataService): BacktestBars => ({
    bars: (symbol, timespan, from, to) => marketData.getBars(symbol, timespan, from, to),
  }),
};

/**
 * A worker asks the upstream provider directly, without starting it: no quote refresh, minute-bar
 * polling or WebSocket of its own beside the serving processes' (Polygon allows few connections).
 */
export const WORKER_BARS: Provider = {
  provide: BacktestBars,
  inject: [APP_CONFIG, MarketDataMetrics],
  useFactory: (config: AppConfig, metrics: MarketDataMetrics): BacktestBars => {
    const provider = createProvider(config, new SystemClock(), metrics);
    return { bars: (symbol, timespan, from, to) => provider.fetchBars(symbol, timespan, from, to) };
  },
};
