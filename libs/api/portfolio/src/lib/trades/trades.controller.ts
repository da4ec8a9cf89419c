import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ActsOnAccount,
  ApiEnvelopeResponse,
  ApiErrorResponses,
  parseTimeRange,
  RawResponse,
} from '@ptp/api/shared';
import type { TradesPage } from '@ptp/contracts';
import { AccountsService } from '@ptp/api/paper-trading';
import { tradesToCsv } from './trades-csv';
import { TradesCsvQueryDto, TradesQueryDto } from './trades-query.dto';
import { TradesService } from './trades.service';

const EXAMPLE_TRADE = {
  id: '3f0c6a1e-8a47-4c1b-9d2e-1f3b2c4d5e6f',
  accountId: 'default',
  orderId: '9b1d2c3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e',
  sessionId: null,
  time: '2026-01-05T15:31:00.000Z',
  symbol: 'AAPL',
  side: 'buy',
  quantity: '0.2731',
  price: '183.09',
  commission: '0',
  realizedPnl: '0.00',
};

@ApiTags('trades')
@Controller('api')
@ActsOnAccount()
export class TradesController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly trades: TradesService,
  ) {}

  @Get('trades')
  @ApiOperation({
    summary: 'Fills (paper_trades), newest first, paginated; filter by symbol and date range',
  })
  @ApiEnvelopeResponse('A page of fills', {
    items: [EXAMPLE_TRADE],
    total: 1,
    limit: 100,
    offset: 0,
  })
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED', 'INVALID_RANGE'], 404: ['ACCOUNT_NOT_FOUND'] })
  async list(@Query() query: TradesQueryDto): Promise<TradesPage> {
    const account = await this.accounts.resolve(query.accountId);
    const filter = {
      accountId: account.id,
      symbol: query.symbol,
      range: parseTimeRange(query.from, query.to),
    };
    return this.trades.page(filter, query.limit ?? 100, query.offset ?? 0);
  }

  @Get('trades.csv')
  @RawResponse()
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="trades.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same fills as CSV (oldest first, every match, no pagination)' })
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED', 'INVALID_RANGE'], 404: ['ACCOUNT_NOT_FOUND'] })
  async csv(@Query() query: TradesCsvQueryDto): Promise<string> {
    const account = await this.accounts.resolve(query.accountId);
    return tradesToCsv(
      await this.trades.all({
        accountId: account.id,
        symbol: query.symbol,
        range: parseTimeRange(query.from, query.to),
      }),
    );
  }
}
