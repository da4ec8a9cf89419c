import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MarketDataModule } from '@ptp/api/market-data';
import { MetricsModule } from '@ptp/api/metrics';
import { CORE_ENTITIES } from '@ptp/api/persistence';
import { RuntimeConfigModule } from '@ptp/api/runtime-config';
import { AccountViewPublisher } from './account-views/account-view-publisher.service';
import { AccountLifecycle } from './accounts/account-lifecycle.service';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { PortfolioResetController } from './accounts/portfolio-reset.controller';
import { APP_CONFIG, type AppConfig } from '@ptp/api/config';
import { CHART_SERIES_CAPACITY, ChartDataStore } from './chart-data/chart-data.store';
import { RedisChartStore } from './chart-data/redis-chart-store';
import { SharedChartStore } from './chart-data/shared-chart-store';
import { AccountLoader } from './desk/account-loader.service';
import { LedgerWriter } from './desk/ledger-writer.service';
import { OrderUpdates } from './desk/order-updates';
import { TradingDesks } from './desk/trading-desks.service';
import { OrdersController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';
import { AccountFence } from './ownership/account-fence.service';
import { AccountOwnership } from './ownership/account-ownership.service';
import { CLUSTER_PROVIDERS } from './ownership/cluster.providers';
import { ConfigBroadcast } from './ownership/config-broadcast.service';
import { OwnerCommands } from './ownership/owner-commands.service';
import { HistoryRetention } from './retention/history-retention.service';
import { PaperTradingController } from './sessions/paper-trading.controller';
import { TickRunner } from './sessions/tick-runner.service';
import { TickScheduler } from './sessions/tick-scheduler.service';
import { TradingSessionsService } from './sessions/trading-sessions.service';

/**
 * The command side: trading sessions and their tick scheduler, one desk per account (the only
 * writer of its account), manual orders and cancels, and account creation, resets and deletion;
 * in a cluster, the account leases and the routing of commands to each account's owner.
 */
@Module({
  imports: [
    ScheduleModule.forRoot(),
    TypeOrmModule.forFeature(CORE_ENTITIES),
    MarketDataModule,
    MetricsModule,
    RuntimeConfigModule,
  ],
  controllers: [
    AccountsController,
    OrdersController,
    PaperTradingController,
    PortfolioResetController,
  ],
  providers: [
    ...CLUSTER_PROVIDERS,
    AccountFence,
    AccountLifecycle,
    AccountOwnership,
    AccountViewPublisher,
    AccountLoader,
    AccountsService,
    ChartDataStore,
    ConfigBroadcast,
    HistoryRetention,
    {
      inject: [APP_CONFIG],
      provide: SharedChartStore,
      useFactory: (config: AppConfig) =>
        config.redisUrl
          ? new RedisChartStore(
              config.redisUrl.reveal(),
              `${config.redisPrefix}chart:`,
              CHART_SERIES_CAPACITY,
            )
          : null,
    },
    LedgerWriter,
    OrdersService,
    OrderUpdates,
    OwnerCommands,
    TickRunner,
    TickScheduler,
    TradingDesks,
    TradingSessionsService,
  ],
  exports: [
    AccountsService,
    ChartDataStore,
    HistoryRetention,
    OrdersService,
    OrderUpdates,
    TradingDesks,
    TradingSessionsService,
  ],
})
export class PaperTradingModule {}
