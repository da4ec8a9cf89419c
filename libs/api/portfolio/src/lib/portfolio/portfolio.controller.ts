import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountMetrics, AccountPerformance, Portfolio } from '@ptp/contracts';
import { AccountsService, TradingDesks } from '@ptp/api/paper-trading';
import {
  AccountQueryDto,
  ActsOnAccount,
  ApiEnvelopeResponse,
  ApiErrorResponses,
  EXAMPLE_POSITION,
  parseTimeRange,
  RangeQueryDto,
} from '@ptp/api/shared';
import { MetricsService } from '../metrics/metrics.service';

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

const EXAMPLE_PERFORMANCE: AccountPerformance = {
  accountId: 'default',
  from: '2026-01-05T14:31:00.000Z',
  to: '2026-01-06T20:59:00.000Z',
  trades: {
    count: 3,
    wins: 2,
    losses: 1,
    winRate: 0.6667,
    averageWin: 2.1,
    averageLoss: -1.4,
    profitFactor: 3,
    expectancy: 0.93,
    averageHoldingMs: 5_400_000,
    bestTrade: 2.6,
    worstTrade: -1.4,
    longestLosingStreak: 1,
  },
  dailyPnl: [
    { date: '2026-01-05', pnl: 1.2 },
    { date: '2026-01-06', pnl: 1.92 },
  ],
  monthlyReturns: [{ month: '2026-01', return: 0.00624 }],
  symbolPnl: [{ symbol: 'AAPL', pnl: 2.8, trades: 3, wins: 2 }],
  cumulativeReturns: [
    { time: 1767623460000, strategy: 0, benchmark: 0 },
    { time: 1767733140000, strategy: 0.00624, benchmark: 0.004 },
  ],
};

@ApiTags('portfolio')
@Controller('api')
@ActsOnAccount()
export class PortfolioController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly desks: TradingDesks,
    private readonly metricsService: MetricsService,
  ) {}

  @Get('portfolio')
  @ApiOperation({
    summary:
      'Cash, equity, buying power, total and day P&L, and positions marked to the latest prices',
  })
  @ApiEnvelopeResponse('The portfolio', EXAMPLE_PORTFOLIO)
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED'], 404: ['ACCOUNT_NOT_FOUND'] })
  async portfolio(@Query() query: AccountQueryDto): Promise<Portfolio> {
    const account = await this.accounts.resolve(query.accountId);
    const { riskState: _riskState, ...portfolio } = await this.desks.valuation(account.id);
    return portfolio;
  }

  @Get('metrics')
  @ApiOperation({
    summary:
      "The trading core's metrics over a range of the account's equity curve and closed round trips",
    description:
      'Returns are fractions (0.05 = 5 %); `convention` states how every number is computed.',
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
    maxDrawdown: {
      pct: 0.012,
      amount: 6.05,
      peakTime: 1767625320000,
      troughTime: 1767711720000,
      recoveryTime: null,
      durationMs: 86400000,
    },
    maxDrawdownAmount: 6.05,
    calmar: 30,
    dailyReturns: 4,
    tradeCount: 3,
    winRate: 0.6667,
    profitFactor: 2.1,
    expectancy: 0.93,
    exposure: 0.41,
    benchmark: null,
    convention: {
      returns: 'fractions (0.05 = 5 %); total return = last / first value − 1',
      periodsPerYear: 252,
      riskFreeRate: 0,
    },
  })
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED', 'INVALID_RANGE'], 404: ['ACCOUNT_NOT_FOUND'] })
  async metrics(@Query() query: RangeQueryDto): Promise<AccountMetrics> {
    const account = await this.accounts.resolve(query.accountId);
    return this.metricsService.metrics(account.id, parseTimeRange(query.from, query.to));
  }

  @Get('performance')
  @ApiOperation({
    summary:
      "The trading core's performance breakdowns over a range of the account's equity curve and closed round trips",
    description:
      'Trade statistics (count, win rate, average win/loss, profit factor, expectancy, average holding ' +
      'time, best/worst trade, longest losing streak), daily P&L, monthly returns, P&L per symbol and ' +
      'the cumulative return against buy-and-hold of the benchmark (at most 500 points). ' +
      'Definitions: docs/metrics.md.',
  })
  @ApiEnvelopeResponse('Performance breakdowns', EXAMPLE_PERFORMANCE)
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED', 'INVALID_RANGE'], 404: ['ACCOUNT_NOT_FOUND'] })
  async performance(@Query() query: RangeQueryDto): Promise<AccountPerformance> {
    const account = await this.accounts.resolve(query.accountId);
    return this.metricsService.performance(account.id, parseTimeRange(query.from, query.to));
  }
}
