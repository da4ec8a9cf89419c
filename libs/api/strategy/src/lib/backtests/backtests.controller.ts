import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountsService } from '@ptp/api/paper-trading';
import {
  ActsOnAccount,
  ApiEnvelopeResponse,
  ApiErrorResponses,
  assertAccountAccess,
  Audited,
  CurrentPrincipal,
  type Principal,
} from '@ptp/api/shared';
import {
  BACKTEST_ERROR_CODES,
  CONFIG_ERROR_CODES,
  type BacktestRun,
  type BacktestRunsPage,
} from '@ptp/contracts';
import { BacktestRequestDto, MAX_CSV_BYTES } from './backtest-request.dto';
import { runScopeOf } from './backtest-run-scope';
import { uploadedBacktestRequest, type UploadedCsvFile } from './backtest-upload';
import { BacktestIdParamDto, BacktestsQueryDto } from './backtests-query.dto';
import { BacktestsService } from './backtests.service';

const EXAMPLE_RUN: BacktestRun = {
  id: '0b6f3c1e-2d4a-4f5b-9c8d-7e6f5a4b3c2d',
  status: 'running',
  progress: 0.42,
  request: {
    accountId: 'default',
    symbols: ['SPY'],
    strategy: 'ma-crossover',
    params: { fast: 10, slow: 30 },
    from: '2025-03-03',
    to: '2025-03-07',
    capital: 500,
    sizing: { mode: 'auto' },
    slippageBps: 5,
    data: { kind: 'simulated', seed: 42 },
  },
  error: null,
  ranBy: 'worker-1',
  createdAt: '2026-01-05T15:04:05.000Z',
  startedAt: '2026-01-05T15:04:05.120Z',
  finishedAt: null,
  report: null,
};

const EXAMPLE_REPORT = {
  fills: [
    {
      time: '2025-03-04T15:12:00.000Z',
      symbol: 'SPY',
      side: 'buy',
      quantity: 0.083333,
      price: 599.87,
      commission: 0,
    },
  ],
  trades: [],
  finalEquity: 501.23,
  cash: 450.01,
  positions: [{ symbol: 'SPY', quantity: 0.083333, avgCost: 599.87, lastPrice: 614.6 }],
  metrics: { totalReturn: 0.00246, sharpe: 1.1, maxDrawdownPct: 0.004 },
  equityCurve: [{ time: '2025-03-04T15:12:00.000Z', equity: 500 }],
};

const QUEUED_RUN: BacktestRun = {
  ...EXAMPLE_RUN,
  status: 'queued',
  progress: 0,
  ranBy: null,
  startedAt: null,
};

const SUBMIT_ERRORS = {
  400: [
    'VALIDATION_FAILED',
    'INVALID_JSON',
    BACKTEST_ERROR_CODES.invalidRange,
    CONFIG_ERROR_CODES.invalidStrategyParams,
  ],
  404: [CONFIG_ERROR_CODES.accountNotFound],
  413: ['PAYLOAD_TOO_LARGE', BACKTEST_ERROR_CODES.uploadQuotaExceeded],
  422: ['UNKNOWN_SYMBOL'],
  429: [BACKTEST_ERROR_CODES.queueFull, 'RATE_LIMITED'],
  503: [BACKTEST_ERROR_CODES.queueUnavailable],
};

const CSV_STORAGE =
  'A CSV is stored once per user and content, however many runs use it, and counts against the ' +
  'backtests.uploadQuotaMb quota until the last run using it is deleted (413 UPLOAD_QUOTA_EXCEEDED beyond it). ';

const UPLOAD_REQUEST_EXAMPLE =
  '{"symbols":["ORCL"],"strategy":"ma-crossover","from":"2013-01-01","to":"2013-12-31"}';

@ApiTags('backtests')
@Controller('api/backtests')
export class BacktestsController {
  constructor(
    private readonly backtests: BacktestsService,
    private readonly accounts: AccountsService,
  ) {}

  @Post()
  @ActsOnAccount()
  @Audited('backtest.start')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Start a backtest (asynchronous)',
    description:
      'Runs in a worker thread, of this process or (with REDIS_URL) of a worker process taking it as a BullMQ job; ' +
      'at most backtests.maxConcurrent run at once per process and the rest wait in a queue (429 BACKTEST_QUEUE_FULL beyond 100). ' +
      'Sources: the seeded simulated market (1-minute bars), Polygon aggregates (polygon provider only), or a Yahoo daily CSV sent as text in source.csv. ' +
      CSV_STORAGE +
      'Poll GET /api/backtests/{id} for progress and the report.',
  })
  @ApiEnvelopeResponse('The queued run', QUEUED_RUN, HttpStatus.ACCEPTED)
  @ApiErrorResponses({
    ...SUBMIT_ERRORS,
    422: [...SUBMIT_ERRORS[422], BACKTEST_ERROR_CODES.sourceUnavailable],
  })
  submit(
    @Body() body: BacktestRequestDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<BacktestRun> {
    return this.backtests.submit(body, caller.userId);
  }

  @Post('upload')
  @Audited('backtest.upload')
  @HttpCode(HttpStatus.ACCEPTED)
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 1 } }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Start a backtest on an uploaded Yahoo daily CSV (multipart/form-data)',
    description:
      `The same run as POST /api/backtests with a CSV source, for files beyond the JSON body limit: the file part is the CSV (at most ${MAX_CSV_BYTES / 1024 / 1024} MB) ` +
      'and the request part is the JSON request without source (or with {"type":"csv","adjusted":true}). ' +
      CSV_STORAGE +
      `Example: curl -F file=@orcl.csv -F 'request=${UPLOAD_REQUEST_EXAMPLE}' http://127.0.0.1:5000/api/backtests/upload`,
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'request'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: 'Yahoo daily CSV: Date,Open,High,Low,Close,Adj Close,Volume',
        },
        request: {
          type: 'string',
          description: 'The backtest request as JSON, without the CSV text',
          example: UPLOAD_REQUEST_EXAMPLE,
        },
      },
    },
  })
  @ApiEnvelopeResponse('The queued run', QUEUED_RUN, HttpStatus.ACCEPTED)
  @ApiErrorResponses(SUBMIT_ERRORS)
  async upload(
    @UploadedFile() file: UploadedCsvFile | undefined,
    @Body('request') requestField: unknown,
    @CurrentPrincipal() caller: Principal,
  ): Promise<BacktestRun> {
    const request = await uploadedBacktestRequest(file, requestField);
    // The multipart body is read after the guards, so the account is checked here.
    const account = await this.accounts.resolve(request.accountId);
    assertAccountAccess(caller, account.id, account.ownerUserId);
    return this.backtests.submit(request, caller.userId);
  }

  @Get()
  @ApiOperation({ summary: 'Backtest runs, newest first (without reports or CSV text)' })
  @ApiEnvelopeResponse('A page of runs', {
    items: [{ ...EXAMPLE_RUN, report: undefined }],
    total: 1,
    limit: 50,
    offset: 0,
  } satisfies BacktestRunsPage)
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED'] })
  list(
    @Query() query: BacktestsQueryDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<BacktestRunsPage> {
    return this.backtests.list(
      query.status,
      query.limit ?? 50,
      query.offset ?? 0,
      runScopeOf(caller),
    );
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'Status and progress (0–1) of a run; the report (as npm run backtest writes it) once completed',
  })
  @ApiEnvelopeResponse('The run', {
    ...EXAMPLE_RUN,
    status: 'completed',
    progress: 1,
    finishedAt: '2026-01-05T15:04:07.480Z',
    report: EXAMPLE_REPORT,
  })
  @ApiErrorResponses({ 400: ['VALIDATION_FAILED'], 404: [BACKTEST_ERROR_CODES.notFound] })
  get(
    @Param() params: BacktestIdParamDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<BacktestRun> {
    return this.backtests.get(params.id, runScopeOf(caller));
  }

  @Delete(':id')
  @Audited('backtest.delete')
  @ApiOperation({
    summary: 'Cancel a queued or running run, or delete a finished one',
    description:
      'A queued or running run is cancelled (its thread terminated) and stays listed as cancelled. ' +
      'A completed, failed or cancelled run is deleted with its report, and its uploaded CSV with it ' +
      'unless another run uses the same upload; the answer is the run as it was, without its report. ' +
      'A run whose result is being stored at that moment answers 409.',
  })
  @ApiEnvelopeResponse('The cancelled run, or the deleted one', {
    ...EXAMPLE_RUN,
    status: 'cancelled',
    finishedAt: '2026-01-05T15:04:06.000Z',
  })
  @ApiErrorResponses({
    400: ['VALIDATION_FAILED'],
    404: [BACKTEST_ERROR_CODES.notFound],
    409: [BACKTEST_ERROR_CODES.notCancellable],
  })
  remove(
    @Param() params: BacktestIdParamDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<BacktestRun> {
    return this.backtests.remove(params.id, runScopeOf(caller));
  }
}
