import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MarketDataModule } from '@ptp/api/market-data';
import { BacktestRunEntity, DecisionEntity } from '@ptp/api/persistence';
import { PaperTradingModule } from '@ptp/api/paper-trading';
import { RuntimeConfigModule } from '@ptp/api/runtime-config';
import { BacktestsController } from './backtests/backtests.controller';
import { BacktestsService } from './backtests/backtests.service';
import { DecisionsController } from './decisions/decisions.controller';
import { DecisionsService } from './decisions/decisions.service';
import { StrategiesController } from './strategies/strategies.controller';
import { StrategyIndicatorsService } from './strategies/strategy-indicators.service';

/**
 * The strategy catalogue, the decisions audit trail and backtests over REST; backtests run through
 * the global BacktestExecutionModule.
 */
@Module({
  imports: [
    MarketDataModule,
    PaperTradingModule,
    RuntimeConfigModule,
    TypeOrmModule.forFeature([BacktestRunEntity, DecisionEntity]),
  ],
  controllers: [BacktestsController, DecisionsController, StrategiesController],
  providers: [BacktestsService, DecisionsService, StrategyIndicatorsService],
})
export class StrategyModule {}
