import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PaperTradingModule } from '@ptp/api/paper-trading';
import { CORE_ENTITIES } from '@ptp/api/persistence';
import { ActivitiesController } from './activities/activities.controller';
import { ActivitiesService } from './activities/activities.service';
import { ChartDataController } from './chart-data/chart-data.controller';
import { PortfolioInvariantsContributor } from './health/portfolio-invariants.contributor';
import { MetricsService } from './metrics/metrics.service';
import { PortfolioController } from './portfolio/portfolio.controller';
import { TradesController } from './trades/trades.controller';
import { TradesService } from './trades/trades.service';

/**
 * The read side: the portfolio, trades (and their CSV), the ledger's activities, metrics, chart data and the ledger's
 * health check. It never changes an account; the PaperTrading desks do.
 */
@Module({
  imports: [PaperTradingModule, TypeOrmModule.forFeature(CORE_ENTITIES)],
  controllers: [ActivitiesController, ChartDataController, PortfolioController, TradesController],
  providers: [ActivitiesService, MetricsService, PortfolioInvariantsContributor, TradesService],
  exports: [PortfolioInvariantsContributor],
})
export class PortfolioModule {}
