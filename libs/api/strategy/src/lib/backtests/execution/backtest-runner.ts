import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import { MarketDataService } from '@ptp/api/market-data';
import { BacktestRunEntity, DatabaseWrites } from '@ptp/api/persistence';
import { MAX_ERROR_MESSAGE_CHARS, quoteInput } from '@ptp/api/shared';
import { In, type Repository } from 'typeorm';
import { type BacktestThread, BacktestThreadError, startBacktestThread } from '../backtest-thread';
import { BacktestUploadsService } from '../backtest-uploads.service';
import { workerJobOf } from '../backtest-worker-job';

/** One run in progress on this process. */
export interface RunControl {
  progress: number;
  thread: BacktestThread | null;
  /** Set by whichever of completion, failure or cancellation happens first; the others then write nothing. */
  settled: boolean;
}

export type RunOutcome = 'completed' | 'failed' | 'cancelled' | 'interrupted';

export const newRunControl = (): RunControl => ({ progress: 0, thread: null, settled: false });

/** How often a queued job's progress reaches the database, which is also when it notices a cancel. */
export const PROGRESS_WRITE_MS = 500;

const RUNNABLE = In(['queued', 'running']);

/**
 * Runs one stored backtest in a worker thread and writes what happens to its row: running (and by
 * which instance), then completed with its report or failed with the reason. Every write after the
 * start is conditional on the row still being `running`, so a cancel from any instance wins.
 */
@Injectable()
export class BacktestRunner {
  private readonly logger = new Logger(BacktestRunner.name);

  constructor(
    @InjectRepository(BacktestRunEntity) private readonly runs: Repository<BacktestRunEntity>,
    private readonly writes: DatabaseWrites,
    private readonly uploads: BacktestUploadsService,
    private readonly marketData: MarketDataService,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  /**
   * `stopping` says the process is shutting down: a run its shutdown ends writes nothing, so it is
   * taken up again (by the restart sweep, or by BullMQ's stalled-job recovery). With
   * `writeProgress`, progress is written every PROGRESS_WRITE_MS, and a run whose row stopped being
   * `running` (cancelled or deleted elsewhere) is terminated.
   */
  async execute(
    id: string,
    run: RunControl,
    stopping: () => boolean,
    writeProgress = false,
  ): Promise<RunOutcome> {
    let watch: NodeJS.Timeout | null = null;
    try {
      const started = await this.writes.exclusive(() =>
        this.runs.update(
          { id, status: RUNNABLE },
          { status: 'running', startedAt: Date.now(), ranBy: this.config.instanceId },
        ),
      );
      if (started.affected === 0) return 'cancelled';
      const row = await this.runs.findOneByOrFail({ id });
      const job = await workerJobOf(row, this.uploads, this.marketData);
      if (run.settled) return 'cancelled';
      run.thread = startBacktestThread(
        job,
        (progress) => (run.progress = progress),
        this.config.backtests.workerMemoryMb,
      );
      if (writeProgress)
        watch = setInterval(() => void this.writeProgress(id, run), PROGRESS_WRITE_MS);
      const report = await run.thread.result;
      if (run.settled) return 'cancelled';
      run.settled = true;
      await this.settle(id, {
        status: 'completed',
        progress: 1,
        report: JSON.stringify(report),
        finishedAt: Date.now(),
      });
      return 'completed';
    } catch (error) {
      if (stopping()) return 'interrupted';
      if (run.settled) return 'cancelled';
      run.settled = true;
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
      await this.settle(id, {
        status: 'failed',
        progress: run.progress,
        error: message,
        finishedAt: Date.now(),
      });
      return 'failed';
    } finally {
      if (watch) clearInterval(watch);
    }
  }

  /** Marks a run that never ran, or whose process vanished, failed, unless it has finished since. */
  async fail(id: string, error: string): Promise<void> {
    await this.writes.exclusive(() =>
      this.runs.update(
        { id, status: RUNNABLE },
        {
          status: 'failed',
          error: quoteInput(error, MAX_ERROR_MESSAGE_CHARS),
          finishedAt: Date.now(),
        },
      ),
    );
  }

  private async settle(id: string, result: Partial<BacktestRunEntity>): Promise<void> {
    await this.writes.exclusive(() => this.runs.update({ id, status: 'running' }, result));
  }

  private async writeProgress(id: string, run: RunControl): Promise<void> {
    if (run.settled) return;
    const written = await this.writes
      .exclusive(() => this.runs.update({ id, status: 'running' }, { progress: run.progress }))
      .catch(() => null);
    if (written?.affected === 0 && !run.settled) {
      run.settled = true;
      await run.thread?.terminate();
    }
  }
}
