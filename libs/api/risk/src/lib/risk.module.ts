import { Module } from '@nestjs/common';
import { PaperTradingModule } from '@ptp/api/paper-trading';
import { RiskController } from './risk.controller';

/**
 * Each account's risk limits and live risk state (`GET /api/risk`). The rules themselves live in
 * the domain and run inside each account's engine; this module only shows what they see.
 */
@Module({
  imports: [PaperTradingModule],
  controllers: [RiskController],
})
export class RiskModule {}
