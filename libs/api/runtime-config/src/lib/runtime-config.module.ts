import { Module } from '@nestjs/common';
import { MarketDataModule } from '@ptp/api/market-data';
import { RuntimeConfigController } from './runtime-config.controller';
import { RuntimeConfigService } from './runtime-config.service';

/**
 * Runtime configuration per paper account (`GET/PATCH /api/config`): risk limits, strategy params,
 * watchlist, signal interval, fees and slippage, stored over the file's defaults.
 */
@Module({
  imports: [MarketDataModule],
  controllers: [RuntimeConfigController],
  providers: [RuntimeConfigService],
  exports: [RuntimeConfigService],
})
export class RuntimeConfigModule {}
