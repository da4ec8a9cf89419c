import { Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

/** Wall-clock periods below this would only burn CPU: the market cannot produce bars that fast. */
export const MIN_TICK_PERIOD_MS = 20;

/**
 * One interval per account in Nest's SchedulerRegistry. A tick that is still running when the
 * next one is due makes that one skip, so ticks never overlap and never pile up.
 */
@Injectable()
export class TickScheduler {
  private readonly logger = new Logger(TickScheduler.name);
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly registry: SchedulerRegistry) {}

  schedule(accountId: string, periodMs: number, tick: () => Promise<void>): void {
    this.cancel(accountId);
    const handle = setInterval(
      () => {
        if (this.inFlight.has(accountId)) return;
        const run = tick()
          .catch((error: unknown) =>
            this.logger.error(`tick of account ${accountId} failed: ${(error as Error).message}`),
          )
          .finally(() => this.inFlight.delete(accountId));
        this.inFlight.set(accountId, run);
      },
      Math.max(MIN_TICK_PERIOD_MS, periodMs),
    );
    this.registry.addInterval(intervalName(accountId), handle);
  }

  cancel(accountId: string): void {
    const name = intervalName(accountId);
    if (this.registry.doesExist('interval', name)) this.registry.deleteInterval(name);
  }

  /** Stops every interval and waits for the ticks still running, so none is cut off by shutdown. */
  async stopAll(): Promise<void> {
    for (const name of this.registry.getIntervals()) {
      if (name.startsWith(PREFIX)) this.registry.deleteInterval(name);
    }
    await Promise.all(this.inFlight.values());
  }

  /** Resolves when the account's running tick (if any) has finished. */
  async idle(accountId: string): Promise<void> {
    await this.inFlight.get(accountId);
  }
}

const PREFIX = 'paper-trading:';

function intervalName(accountId: string): string {
  return `${PREFIX}${accountId}`;
}
