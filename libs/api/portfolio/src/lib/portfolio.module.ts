import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MarketDataModule } from '@ptp/api/market-data';
import { CORE_ENTITIES } from '@ptp/api/persistence';
import { RiskModule } from '@ptp/api/risk';
import { AccountLifecycle } from './accounts/account-lifecycle.service';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { ChartDataController } from './chart-data/chart-data.controller';
import { ChartDataStore } from './chart-data/chart-data.store';
import { LedgerWriter } from './desk/ledger-writer.service';
import { TradingDesk } from './desk/trading-desk.service';
import { PortfolioInvariantsContributor } from './health/portfolio-invariants.contributor';
import { MetricsService } from './metrics/metrics.service';
import { EngineLoader } from './engine/engine-loader.service';
import { OrdersController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';
import { PortfolioController } from './portfolio/portfolio.controller';
import { TradesController } from './trades/trades.controller';
import { TradesService } from './trades/trades.service';

/** Accounts, manual orders, the portfolio, trade history, metrics and chart data. */
@Module({
  imports: [MarketDataModule, RiskModule, TypeOrmModule.forFeature(CORE_ENTITIES)],
  controllers: [AccountsController, ChartDataController, OrdersController, PortfolioController, TradesController],
  providers: [AccountLifecycle, AccountsService, EngineLoader, MetricsService, ChartDataStore, LedgerWriter, OrdersService, PortfolioInvariantsContributor, TradesService, TradingDesk],
  exports: [AccountsService, ChartDataStore, LedgerWriter, PortfolioInvariantsContributor, TradingDesk],
})
export class PortfolioModule {}
