import { Module } from '@nestjs/common';
import { ConfigController } from './config/config.controller';
import { RuntimeConfigService } from './config/runtime-config.service';

/** Runtime configuration (risk limits, strategy params, watchlist, interval, fees) per paper account. */
@Module({
  controllers: [ConfigController],
  providers: [RuntimeConfigService],
  exports: [RuntimeConfigService],
})
export class RiskModule {}
