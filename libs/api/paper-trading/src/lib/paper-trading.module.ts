import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MarketDataModule } from '@ptp/api/market-data';
import { TradingSessionEntity } from '@ptp/api/persistence';
import { PortfolioModule } from '@ptp/api/portfolio';
import { RiskModule } from '@ptp/api/risk';
import { PaperTradingController } from './paper-trading.controller';
import { PaperTradingService } from './paper-trading.service';
import { TickRunner } from './tick-runner.service';
import { TickScheduler } from './tick-scheduler.service';

/** Trading sessions: start/stop/status, the tick scheduler and resumption after a restart. */
@Module({
  imports: [ScheduleModule.forRoot(), TypeOrmModule.forFeature([TradingSessionEntity]), MarketDataModule, PortfolioModule, RiskModule],
  controllers: [PaperTradingController],
  providers: [PaperTradingService, TickRunner, TickScheduler],
  exports: [PaperTradingService],
})
export class PaperTradingModule {}
