import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DEFAULT_PLATFORM_CONFIG } from '@ptp/api/config';
import { AccountsService, TradingDesks } from '@ptp/api/paper-trading';
import {
  AccountQueryDto,
  ActsOnAccount,
  ApiEnvelopeResponse,
  ApiErrorResponses,
} from '@ptp/api/shared';
import type { AccountRisk } from '@ptp/contracts';

const EXAMPLE_RISK: AccountRisk = {
  accountId: 'default',
  limits: DEFAULT_PLATFORM_CONFIG.risk,
  dailyLoss: {
    sessionDate: '2026-01-05',
    startEquity: '500.00',
    dayPnl: '-3.10',
    limit: '25.00',
    breached: false,
  },
  openPositions: 2,
  entriesBlocked: false,
  daytrade_count: 1,
  dayTradeWindow: { from: '2025-12-29', to: '2026-01-05' },
  asOf: '2026-01-05T15:03:00.000Z',
};

@ApiTags('risk')
@Controller('api/risk')
@ActsOnAccount()
export class RiskController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly desks: TradingDesks,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "An account's risk limits, daily-loss state, open positions and whether entries are blocked",
    description: 'Read from the account’s engine, the same state its pre-trade checks use.',
  })
  @ApiEnvelopeResponse('The risk state', EXAMPLE_RISK)
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED'], 404: ['ACCOUNT_NOT_FOUND'] })
  async risk(@Query() query: AccountQueryDto): Promise<AccountRisk> {
    const account = await this.accounts.resolve(query.accountId);
    return this.desks.risk(account.id);
  }
}
