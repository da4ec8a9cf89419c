import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ptp/api/config';
import { MarketDataMetrics, MetricsModule } from '@ptp/api/metrics';
import { RedisQuoteStore } from './cache/redis-quote-store';
import { SharedQuoteStore } from './cache/shared-quote-store';
import { MarketRelay } from './cluster/market-relay';
import { RedisMarketRelay } from './cluster/redis-market-relay';
import { MarketController } from './http/market.controller';
import { MarketDataHealthContributor } from './market-data.health';
import { MarketDataService } from './market-data.service';
import { Clock, SystemClock } from './provider/clock';
import { createProvider } from './provider/create-provider';
import { MarketDataProvider } from './provider/market-data.provider';
import { SymbolUniverse } from './universe/symbol-universe';

/** Market data's Redis keys: `<REDIS_PREFIX>market:<provider>:`. */
function marketNamespace(config: AppConfig): string {
  return `${config.redisPrefix}market:${config.marketData.provider}:`;
}

@Module({
  imports: [MetricsModule],
  controllers: [MarketController],
  exports: [MarketDataHealthContributor, MarketDataService, SymbolUniverse],
  providers: [
    { provide: Clock, useClass: SystemClock },
    MarketDataHealthContributor,
    {
      inject: [APP_CONFIG, Clock, MarketDataMetrics],
      provide: MarketDataProvider,
      useFactory: createProvider,
    },
    MarketDataService,
    SymbolUniverse,
    {
      inject: [APP_CONFIG],
      provide: SharedQuoteStore,
      useFactory: (config: AppConfig) =>
        config.redisUrl
          ? new RedisQuoteStore(config.redisUrl.reveal(), marketNamespace(config))
          : null,
    },
    {
      inject: [APP_CONFIG],
      provide: MarketRelay,
      useFactory: (config: AppConfig) =>
        config.redisUrl
          ? new RedisMarketRelay(
              config.redisUrl.reveal(),
              marketNamespace(config),
              config.instanceId,
            )
          : null,
    },
  ],
})
export class MarketDataModule {}
