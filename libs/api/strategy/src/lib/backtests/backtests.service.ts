import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import { MarketDataService } from '@ptp/api/market-data';
import { BacktestRunEntity, DatabaseWrites, DEFAULT_ACCOUNT_ID } from '@ptp/api/persistence';
import { RuntimeConfigService } from '@ptp/api/runtime-config';
import { ApiError } from '@ptp/api/shared';
import {
  BACKTEST_ERROR_CODES,
  type BacktestRun,
  type BacktestRunsPage,
  type BacktestStatus,
} from '@ptp/contracts';
import { In, type Repository } from 'typeorm';
import type { RunScope } from './backtest-run-scope';
import { resolveBacktestJob } from './backtest-job.resolve';
import type { BacktestRequestDto } from './backtest-request.dto';
import { toBacktestRun } from './backtest-run.mapper';
import { BacktestUploadsService } from './backtest-uploads.service';
import { BacktestQueue } from './execution/backtest-queue';
import type { BacktestJob, BacktestJobSource } from './worker/backtest-job';

/** Runs waiting beyond this answer 429: a queue without bound would only defer the overload. */
export const MAX_QUEUED_BACKTESTS = 100;

/** Every column but the report, which can be large and lists do not show (an uploaded CSV lives elsewhere). */
const LIST_COLUMNS: (keyof BacktestRunEntity)[] = [
  'id',
  'accountId',
  'status',
  'progress',
  'request',
  'uploadId',
  'ranBy',
  'error',
  'createdAt',
  'startedAt',
  'finishedAt',
];

/**
 * Backtests over REST: runs are persisted, then handed to the BacktestQueue (this process's worker
 * threads, or BullMQ jobs with REDIS_URL), which writes their progress and results to the database.
 */
@Injectable()
export class BacktestsService {
  constructor(
    @InjectRepository(BacktestRunEntity) private readonly runs: Repository<BacktestRunEntity>,
    private readonly writes: DatabaseWrites,
    private readonly uploads: BacktestUploadsService,
    private readonly runtimeConfig: RuntimeConfigService,
    private readonly marketData: MarketDataService,
    @InjectAppConfig() private readonly config: AppConfig,
    private readonly queue: BacktestQueue,
  ) {}

  /** Queues a run for `owner` (null: local mode), whose quota an uploaded CSV counts against. */
  async submit(request: BacktestRequestDto, owner: string | null): Promise<BacktestRun> {
    const accountId = request.accountId ?? DEFAULT_ACCOUNT_ID;
    const job = resolveBacktestJob(
      request,
      await this.runtimeConfig.get(accountId),
      this.config.trading.startingCapital,
    );
    // A CSV run trades the file's own bars under the name it is given; nothing is looked up or tracked.
    if (job.data.kind !== 'csv') await this.marketData.requireKnown(job.symbols);
    if (job.data.kind === 'polygon' && this.marketData.source !== 'polygon') {
      throw ApiError.unprocessable(
        BACKTEST_ERROR_CODES.sourceUnavailable,
        'Polygon aggregates need the polygon market-data provider (set POLYGON_API_KEY).',
        {
          provider: this.marketData.source,
        },
      );
    }
    const waiting = await this.queue.waiting();
    if (waiting >= MAX_QUEUED_BACKTESTS) {
      throw new ApiError(
        HttpStatus.TOO_MANY_REQUESTS,
        BACKTEST_ERROR_CODES.queueFull,
        `${MAX_QUEUED_BACKTESTS} backtests are already waiting; try again later.`,
        { queued: waiting },
      );
    }
    // An uploaded CSV is kept apart from the run; the run's request records its size.
    const { data, ...settings } = job;
    const stored: BacktestJob<BacktestJobSource> =
      data.kind === 'csv'
        ? {
            ...settings,
            data: { kind: 'csv', bytes: Buffer.byteLength(data.csv), adjusted: data.adjusted },
          }
        : { ...settings, data };
    const row: BacktestRunEntity = {
      id: randomUUID(),
      accountId,
      status: 'queued',
      progress: 0,
      request: JSON.stringify(stored),
      ownerUserId: owner,
      uploadId: null,
      ranBy: null,
      report: null,
      error: null,
      createdAt: Date.now(),
      startedAt: null,
      finishedAt: null,
    };
    if (data.kind === 'csv') await this.uploads.insertRunWithCsv(row, owner, data.csv);
    else await this.writes.exclusive(() => this.runs.insert(row));
    await this.queue.enqueue(row.id).catch(async (error: unknown) => {
      await this.writes.exclusive(() =>
        this.runs.update(
          { id: row.id },
          { status: 'failed', error: 'the job queue was unavailable', finishedAt: Date.now() },
        ),
      );
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        BACKTEST_ERROR_CODES.queueUnavailable,
        'The backtest job queue (Redis) is unavailable; try again later.',
        { reason: error instanceof Error ? error.message : String(error) },
      );
    });
    // The run as accepted: a worker may already have taken it up, and a 202 answer that said so only
    // sometimes would be a race for every caller. GET follows its progress.
    return toBacktestRun(row, true);
  }

  /** `scope` narrows to the runs a caller may see (a trader's own); other runs are not found. */
  async get(id: string, scope: RunScope = {}): Promise<BacktestRun> {
    return toBacktestRun(await this.row(id, scope), true, this.queue.progressOf(id));
  }

  async list(
    status: BacktestStatus | undefined,
    limit: number,
    offset: number,
    scope: RunScope = {},
  ): Promise<BacktestRunsPage> {
    const [rows, total] = await this.runs.findAndCount({
      select: LIST_COLUMNS,
      where: { ...scope, ...(status ? { status } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return {
      items: rows.map((row) => toBacktestRun(row, false, this.queue.progressOf(row.id))),
      total,
      limit,
      offset,
    };
  }

  /**
   * DELETE: a queued or running run is cancelled (a running one's thread is terminated) and stays
   * listed as cancelled; a finished run is deleted with its report and, once no other run uses it,
   * its uploaded CSV. A run whose result is being written answers 409.
   */
  async remove(id: string, scope: RunScope = {}): Promise<BacktestRun> {
    const row = await this.row(id, scope);
    const outcome = await this.queue.cancel(row);
    if (outcome.kind === 'finished') {
      await this.uploads.deleteRun(row);
      return toBacktestRun(row, false);
    }
    const cancelled =
      outcome.kind === 'cancelled' &&
      (
        await this.writes.exclusive(() =>
          this.runs.update(
            { id, status: In(['queued', 'running']) },
            {
              status: 'cancelled',
              progress: outcome.progress ?? row.progress,
              finishedAt: Date.now(),
            },
          ),
        )
      ).affected !== 0;
    if (!cancelled)
      throw ApiError.conflict(
        BACKTEST_ERROR_CODES.notCancellable,
        `Backtest ${id} is finishing; it can be deleted once its result is stored.`,
        { status: row.status },
      );
    return this.get(id);
  }

  private async row(id: string, scope: RunScope = {}): Promise<BacktestRunEntity> {
    const row = await this.runs.findOneBy({ ...scope, id });
    if (!row)
      throw ApiError.notFound(BACKTEST_ERROR_CODES.notFound, `No backtest with id "${id}".`, {
        id,
      });
    return row;
  }
}
