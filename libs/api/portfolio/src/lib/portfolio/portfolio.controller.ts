import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Account, AccountMetrics, Portfolio } from '@ptp/contracts';
import { ResetPortfolioDto } from '../accounts/accounts.dto';
import { AccountLifecycle } from '../accounts/account-lifecycle.service';
import { AccountsService } from '../accounts/accounts.service';
import { TradingDesk } from '../desk/trading-desk.service';
import { MetricsService } from '../metrics/metrics.service';
import { AccountQueryDto, accountIdOf } from '../shared/account-query.dto';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../shared/api-envelope.decorators';
import { EXAMPLE_POSITION } from '../shared/api-examples';
import { RangeQueryDto } from '../shared/range-query.dto';
import { parseTimeRange } from '../shared/time-range';

const EXAMPLE_PORTFOLIO = {
  accountId: 'default',
  startingCapital: '500',
  cash: '452.80',
  positionsValue: '50.32',
  equity: '503.12',
  buyingPower: '452.80',
  totalPnl: '3.12',
  totalPnlPct: '0.624',
  dayPnl: '1.02',
  dayPnlPct: '0.2032',
  realizedPnl: '2.80',
  unrealizedPnl: '0.32',
  positions: [EXAMPLE_POSITION],
  asOf: '2026-01-05T15:03:00.000Z',
};

@ApiTags('portfolio')
@Controller('api')
export class PortfolioController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly desk: TradingDesk,
    private readonly lifecycle: AccountLifecycle,
    private readonly metricsService: MetricsService,
  ) {}

  @Get('portfolio')
  @ApiOperation({ summary: 'Cash, equity, buying power, total and day P&L, and positions marked to the latest prices' })
  @ApiEnvelopeResponse('The portfolio', EXAMPLE_PORTFOLIO)
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED'], 404: ['ACCOUNT_NOT_FOUND'] })
  async portfolio(@Query() query: AccountQueryDto): Promise<Portfolio> {
    const account = await this.accounts.resolve(query.accountId);
    const { riskState: _riskState, ...portfolio } = await this.desk.valuation(account.id);
    return portfolio;
  }

  @Post('portfolio/reset')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reset the account to its starting capital, deleting fills, orders, positions, snapshots and decisions' })
  @ApiEnvelopeResponse('The account after the reset', { id: 'default', name: 'Default', isDefault: true, startingCapital: '500', cash: '500.00', equity: '500.00', totalPnl: '0.00', sessionState: 'idle', strategy: null, createdAt: '2026-01-05T14:00:00.000Z' })
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED'], 404: ['ACCOUNT_NOT_FOUND'], 409: ['SESSION_RUNNING'] })
  reset(@Body() body: ResetPortfolioDto, @Query() query: AccountQueryDto): Promise<Account> {
    return this.lifecycle.reset(accountIdOf(body, query));
  }

  @Get('metrics')
  @ApiOperation({
    summary: "The trading core's metrics over a range of the account's equity curve and closed round trips",
    description: 'Returns are fractions (0.05 = 5 %); `convention` states how every number is computed.',
  })
  @ApiEnvelopeResponse('Metrics with their convention', {
    accountId: 'default',
    from: '2026-01-05T14:31:00.000Z',
    to: '2026-01-09T20:59:00.000Z',
    start: 500,
    end: 503.12,
    totalReturn: 0.00624,
    annualizedReturn: 0.36,
    sharpe: 1.9,
    sortino: 2.7,
    maxDrawdown: { pct: 0.012, amount: 6.05, peakTime: 1767625320000, troughTime: 1767711720000, recoveryTime: null, durationMs: 86400000 },
    maxDrawdownAmount: 6.05,
    calmar: 30,
    dailyReturns: 4,
    tradeCount: 3,
    winRate: 0.6667,
    profitFactor: 2.1,
    expectancy: 0.93,
    exposure: 0.41,
    benchmark: null,
    convention: { returns: 'fractions (0.05 = 5 %); total return = last / first value − 1', periodsPerYear: 252, riskFreeRate: 0 },
  })
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED', 'INVALID_RANGE'], 404: ['ACCOUNT_NOT_FOUND'] })
  async metrics(@Query() query: RangeQueryDto): Promise<AccountMetrics> {
    const account = await this.accounts.resolve(query.accountId);
    return this.metricsService.metrics(account.id, parseTimeRange(query.from, query.to));
  }
}
