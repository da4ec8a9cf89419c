import { randomUUID } from 'node:crypto';
import {
  HttpStatus,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import { MarketDataService } from '@ptp/api/market-data';
import { BacktestMetrics } from '@ptp/api/metrics';
import { BacktestRunEntity, DatabaseWrites, DEFAULT_ACCOUNT_ID } from '@ptp/api/persistence';
import { RuntimeConfigService } from '@ptp/api/runtime-config';
import { ApiError, MAX_ERROR_MESSAGE_CHARS, quoteInput } from '@ptp/api/shared';
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
import { type BacktestThread, BacktestThreadError, startBacktestThread } from './backtest-thread';
import { BacktestUploadsService } from './backtest-uploads.service';
import { workerJobOf } from './backtest-worker-job';
import type { BacktestJob, BacktestJobSource } from './worker/backtest-job';

/** Runs waiting beyond this answer 429: a queue without bound would only defer the overload. */
export const MAX_QUEUED_BACKTESTS = 100;
export const INTERRUPTED_BY_RESTART = 'interrupted by restart';

interface ActiveRun {
  progress: number;
  thread: BacktestThread | null;
  /** Set by whichever of completion, failure or cancellation happens first; the others then write nothing. */
  settled: boolean;
}

/** Every column but the report, which can be large and lists do not show (an uploaded CSV lives elsewhere). */
const LIST_COLUMNS: (keyof BacktestRunEntity)[] = [
  'id',
  'accountId',
  'status',
  'progress',
  'request',
  'uploadId',
  'error',
  'createdAt',
  'startedAt',
  'finishedAt',
];

/**
 * Backtests over REST: runs are persisted, queued first in first out, and at most
 * `backtests.maxConcurrent` run at once, each in its own worker thread. Runs that were running when
 * the API stopped are marked failed at start-up; queued ones are queued again.
 */
@Injectable()
export class BacktestsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(BacktestsService.name);
  private readonly queue: string[] = [];
  private readonly active = new Map<string, ActiveRun>();
  private stopping = false;

  constructor(
    @InjectRepository(BacktestRunEntity) private readonly runs: Repository<BacktestRunEntity>,
    private readonly writes: DatabaseWrites,
    private readonly uploads: BacktestUploadsService,
    private readonly runtimeConfig: RuntimeConfigService,
    private readonly marketData: MarketDataService,
    @InjectAppConfig() private readonly config: AppConfig,
    private readonly metrics: BacktestMetrics,
  ) {
    metrics.watchQueue(() => ({ queued: this.queue.length, running: this.active.size }));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.writes.exclusive(() =>
      this.runs.update(
        { status: 'running' },
        { status: 'failed', error: INTERRUPTED_BY_RESTART, finishedAt: Date.now() },
      ),
    );
    const queued = await this.runs.find({
      select: ['id'],
      where: { status: 'queued' },
      order: { createdAt: 'ASC' },
    });
    this.queue.push(...queued.map((run) => run.id));
    this.pump();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.active.values()].map((run) => run.thread?.terminate()));
  }

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
    if (this.queue.length >= MAX_QUEUED_BACKTESTS) {
      throw new ApiError(
        HttpStatus.TOO_MANY_REQUESTS,
        BACKTEST_ERROR_CODES.queueFull,
        `${MAX_QUEUED_BACKTESTS} backtests are already waiting; try again later.`,
        {
          queued: this.queue.length,
        },
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
      report: null,
      error: null,
      createdAt: Date.now(),
      startedAt: null,
      finishedAt: null,
    };
    if (data.kind === 'csv') await this.uploads.insertRunWithCsv(row, owner, data.csv);
    else await this.writes.exclusive(() => this.runs.insert(row));
    this.queue.push(row.id);
    this.pump();
    return this.get(row.id);
  }

  /** `scope` narrows to the runs a caller may see (a trader's own); other runs are not found. */
  async get(id: string, scope: RunScope = {}): Promise<BacktestRun> {
    return toBacktestRun(await this.row(id, scope), true, this.active.get(id)?.progress);
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
      items: rows.map((row) => toBacktestRun(row, false, this.active.get(row.id)?.progress)),
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
    const queuedAt = this.queue.indexOf(id);
    const active = this.active.get(id);
    if (queuedAt >= 0) {
      this.queue.splice(queuedAt, 1);
    } else if (active && !active.settled) {
      active.settled = true;
      await active.thread?.terminate();
    } else if (active || row.status === 'queued' || row.status === 'running') {
      throw ApiError.conflict(
        BACKTEST_ERROR_CODES.notCancellable,
        `Backtest ${id} is finishing; it can be deleted once its result is stored.`,
        { status: row.status },
      );
    } else {
      await this.uploads.deleteRun(row);
      return toBacktestRun(row, false);
    }
    await this.writes.exclusive(() =>
      this.runs.update(
        { id, status: In(['queued', 'running']) },
        { status: 'cancelled', progress: active?.progress ?? row.progress, finishedAt: Date.now() },
      ),
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

  private pump(): void {
    while (
      !this.stopping &&
      this.active.size < this.config.backtests.maxConcurrent &&
      this.queue.length > 0
    ) {
      const id = this.queue.shift() as string;
      const run: ActiveRun = { progress: 0, thread: null, settled: false };
      this.active.set(id, run);
      void this.execute(id, run).finally(() => {
        this.active.delete(id);
        this.pump();
      });
    }
  }

  private async execute(id: string, run: ActiveRun): Promise<void> {
    const startedAt = performance.now();
    try {
      await this.writes.exclusive(() =>
        this.runs.update({ id }, { status: 'running', startedAt: Date.now() }),
      );
      const row = await this.runs.findOneByOrFail({ id });
      const job = await workerJobOf(row, this.uploads, this.marketData);
      if (run.settled) return;
      run.thread = startBacktestThread(
        job,
        (progress) => (run.progress = progress),
        this.config.backtests.workerMemoryMb,
      );
      const report = await run.thread.result;
      if (run.settled) return;
      run.settled = true;
      this.metrics.finished('completed', (performance.now() - startedAt) / 1000);
      await this.writes.exclusive(() =>
        this.runs.update(
          { id },
          {
            status: 'completed',
            progress: 1,
            report: JSON.stringify(report),
            finishedAt: Date.now(),
          },
        ),
      );
    } catch (error) {
      if (run.settled || this.stopping) return;
      run.settled = true;
      this.metrics.finished('failed', (performance.now() - startedAt) / 1000);
      // Parsers quote the offending line, which may be the whole file.
      const message = quoteInput(
        error instanceof BacktestThreadError
          ? `${error.code}: ${error.message}`
          : error instanceof Error
            ? error.message
            : String(error),
        MAX_ERROR_MESSAGE_CHARS,
      );
      this.logger.warn(`backtest ${id} failed: ${message}`);
      await this.writes.exclusive(() =>
        this.runs.update(
          { id },
          { status: 'failed', progress: run.progress, error: message, finishedAt: Date.now() },
        ),
      );
    }
  }
}
