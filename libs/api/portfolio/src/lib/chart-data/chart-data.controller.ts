import {
  Controller,
  Get,
  Headers,
  HttpStatus,
  Inject,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import { DEFAULT_ACCOUNT_ID } from '@ptp/api/persistence';
import type { ChartData } from '@ptp/contracts';
import type { Request, Response } from 'express';
import { AccountsService, ChartDataStore, TradingDesks } from '@ptp/api/paper-trading';
import {
  ActsOnAccount,
  ApiEnvelopeResponse,
  ApiErrorResponses,
  APP_VERSION,
  PreparedEnvelope,
} from '@ptp/api/shared';
import { ChartDataQueryDto } from './chart-data-query.dto';
import { downsampleChartData } from './chart-downsampling';
import { FullChartAnswers } from './full-chart-answers';

/** True when an If-None-Match header lists this ETag (or `*`); weak comparison, as for GET. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

@ApiTags('portfolio')
@Controller('api')
@ActsOnAccount()
export class ChartDataController {
  private readonly fullAnswers = new FullChartAnswers();

  constructor(
    private readonly chart: ChartDataStore,
    private readonly desks: TradingDesks,
    private readonly accounts: AccountsService,
    @InjectAppConfig() private readonly config: AppConfig,
    @Inject(APP_VERSION) private readonly version: string,
  ) {}

  @Get('chart-data')
  @ApiOperation({
    summary:
      'Equity curve (equity, cash, buy-and-hold benchmark), price series per watched symbol and fill markers, from memory',
    description:
      "Pass the previous answer's asOf as since= for an increment, and its ETag as If-None-Match for a 304 when nothing changed.",
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'ETag of a previous answer' })
  @ApiEnvelopeResponse('Chart data (full or since=)', {
    accountId: 'default',
    asOf: 1767625380000,
    incremental: false,
    startingCapital: 500,
    benchmarkSymbol: 'SPY',
    symbols: ['AAPL', 'SPY'],
    equity: [{ time: 1767625320000, equity: 500.12, cash: 450, benchmark: 500.3 }],
    prices: {
      AAPL: [{ time: 1767625320000, close: 183.1 }],
      SPY: [{ time: 1767625320000, close: 601.2 }],
    },
    fills: [
      {
        time: 1767625260000,
        symbol: 'AAPL',
        side: 'buy',
        price: 183.09,
        quantity: 0.2731,
        tradeId: 't-1',
        orderId: 'o-1',
      },
    ],
  })
  @ApiResponse({
    status: 304,
    description: 'Not modified: nothing new since the ETag in If-None-Match',
  })
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED'], 404: ['ACCOUNT_NOT_FOUND'] })
  async chartData(
    @Query() query: ChartDataQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ChartData | StreamableFile | undefined> {
    const accountId = query.accountId ?? DEFAULT_ACCOUNT_ID;
    // Accounts are loaded at start-up; only an id the chart store does not know reaches the database.
    if (!(await this.chart.has(accountId)))
      await this.desks.load((await this.accounts.resolve(accountId)).id);
    const etag = (await this.chart.etagOf(accountId, query.since)) as string;
    response.setHeader('ETag', etag);
    response.setHeader('Cache-Control', 'no-cache');
    if (matches(ifNoneMatch, etag)) {
      response.status(HttpStatus.NOT_MODIFIED);
      return undefined;
    }
    if (query.since === undefined) return this.fullAnswer(accountId, etag, request, response);
    const snapshot = await this.read(accountId, query.since);
    return snapshot && downsampleChartData(snapshot.data);
  }

  /**
   * The full answer, prepared once per revision (see PreparedEnvelope): the dashboard of every client
   * that opens asks it, and it is the largest the API sends.
   */
  private async fullAnswer(
    accountId: string,
    etag: string,
    request: Request,
    response: Response,
  ): Promise<StreamableFile | undefined> {
    let answer = this.fullAnswers.get(accountId, etag);
    if (!answer) {
      const snapshot = await this.read(accountId, undefined);
      if (!snapshot) return undefined;
      answer = new PreparedEnvelope(downsampleChartData(snapshot.data));
      this.fullAnswers.set(accountId, snapshot.etag, answer);
      // A point recorded since etagOf is in this data: name it.
      response.setHeader('ETag', snapshot.etag);
    }
    return answer.answer(request, response, this.version);
  }

  private read(accountId: string, since: number | undefined) {
    return this.chart.read(accountId, this.config.trading.watchlist[0], since);
  }
}
