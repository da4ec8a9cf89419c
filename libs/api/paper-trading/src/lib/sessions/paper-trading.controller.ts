import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  accountIdOf,
  AccountQueryDto,
  ActsOnAccount,
  ApiEnvelopeResponse,
  ApiErrorResponses,
  Audited,
  EXAMPLE_POSITION,
} from '@ptp/api/shared';
import type { PaperTradingStatus } from '@ptp/contracts';
import { TradingSessionsService } from './trading-sessions.service';
import { StartSessionDto } from './start-session.dto';

const EXAMPLE_STATUS = {
  accountId: 'default',
  state: 'running',
  sessionId: '5d7e0b8a-0f0b-4d55-9a0e-3c9b1f7c2a11',
  strategy: 'ma-crossover',
  params: { fast: 10, slow: 30 },
  symbols: ['AAPL', 'MSFT'],
  signalIntervalSec: 60,
  startedAt: '2026-01-05T14:30:00.000Z',
  lastTickAt: '2026-01-05T15:02:00.000Z',
  nextTickAt: '2026-01-05T15:03:00.000Z',
  tickCount: 32,
  equity: '503.12',
  cash: '452.80',
  dayPnl: '3.12',
  openPositions: 1,
  positions: [EXAMPLE_POSITION],
  riskState: {
    code: 'OK',
    message: 'trading normally',
    entriesBlocked: false,
    dayStartEquity: '500',
    dayPnl: '3.12',
    dailyLossLimit: '25',
    dayTradeCount: 0,
  },
  lastError: null,
  owner: { instance: 'api-1', since: '2026-01-05T14:00:00.000Z' },
};

/** The design's original paths (not under /api). */
@ApiTags('paper-trading')
@Controller('paper-trading')
@ActsOnAccount()
export class PaperTradingController {
  constructor(private readonly sessions: TradingSessionsService) {}

  @Audited('session.start')
  @Post('start')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Start a session: a strategy ticking on an account at the signal interval (defaults from the config)',
  })
  @ApiEnvelopeResponse('The session status after the start', EXAMPLE_STATUS)
  @ApiErrorResponses({
    400: ['VALIDATION_FAILED', 'INVALID_STRATEGY_PARAMS'],
    404: ['ACCOUNT_NOT_FOUND'],
    409: ['SESSION_ALREADY_RUNNING'],
    422: ['UNKNOWN_SYMBOL'],
  })
  start(
    @Body() body: StartSessionDto,
    @Query() query: AccountQueryDto,
  ): Promise<PaperTradingStatus> {
    return this.sessions.start({ ...body, accountId: accountIdOf(body, query) });
  }

  @Audited('session.stop')
  @Post('stop')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Stop the running session of an account' })
  @ApiEnvelopeResponse('The status after the stop (idle)', {
    ...EXAMPLE_STATUS,
    state: 'idle',
    sessionId: null,
    nextTickAt: null,
  })
  @ApiErrorResponses({
    400: ['VALIDATION_FAILED'],
    404: ['ACCOUNT_NOT_FOUND'],
    409: ['SESSION_NOT_RUNNING'],
  })
  stop(
    @Body() body: AccountQueryDto,
    @Query() query: AccountQueryDto,
  ): Promise<PaperTradingStatus> {
    return this.sessions.stop(accountIdOf(body, query));
  }

  @Get('status')
  @ApiOperation({
    summary:
      'Running/idle, strategy, symbols, ticks, equity, cash, day P&L, open positions and risk state',
  })
  @ApiEnvelopeResponse('The session status', EXAMPLE_STATUS)
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED'], 404: ['ACCOUNT_NOT_FOUND'] })
  status(@Query() query: AccountQueryDto): Promise<PaperTradingStatus> {
    return this.sessions.status(query.accountId);
  }
}
