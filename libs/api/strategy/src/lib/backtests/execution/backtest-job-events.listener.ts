import { OnQueueEvent, QueueEventsHost, QueueEventsListener } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { BacktestRunner } from './backtest-runner';
import { BACKTEST_QUEUE } from './bullmq-backtest-queue';

export const STALLED_TOO_OFTEN = 'interrupted: the worker running it stopped, twice';

/**
 * BullMQ fails a job whose worker died once too often inside its stalled check, where no worker's
 * own `failed` event fires: the queue's event stream is where that shows, so the run's row is
 * marked failed here (every consuming process hears it; the update is the same from each).
 */
@Injectable()
@QueueEventsListener(BACKTEST_QUEUE)
export class BacktestJobEventsListener extends QueueEventsHost {
  constructor(private readonly runner: BacktestRunner) {
    super();
  }

  @OnQueueEvent('failed')
  async onFailed({ jobId, failedReason }: { jobId: string; failedReason: string }): Promise<void> {
    const reason = /stalled/i.test(failedReason) ? STALLED_TOO_OFTEN : failedReason;
    await this.runner.fail(jobId, reason).catch(() => undefined);
  }
}
