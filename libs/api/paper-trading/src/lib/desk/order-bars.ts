import type { MarketStatusResponse } from '@ptp/contracts';
import type { Bar } from '@ptp/domain';
import type { LiveEngine } from './account-book';
import { BarInbox, barOrder } from './bar-inbox';

/**
 * Completed 1-minute bars of the symbols an account has working orders on. Live prices carry no
 * volume, so under a volume cap (execution.maxVolumePct) the engine fills working orders on these
 * bars, as a backtest does; without a cap they are dropped and prices fill.
 */
export class OrderBars {
  private readonly inbox = new BarInbox();
  /** Newest bar time taken per symbol: a bar is never traded twice. */
  private readonly taken: Record<string, number> = {};

  offer(bar: Bar): void {
    this.inbox.offer(bar, { symbols: [bar.symbol], cursor: this.taken });
  }

  /**
   * The pending bars, in time order, that fill under a volume cap: none without a cap, none of the
   * `excluded` symbols (a session trades them), only those of the regular session `status` reports
   * (any, for a market that never closes). None stay pending.
   */
  take(excluded: readonly string[], capped: boolean, status: MarketStatusResponse): Bar[] {
    const bars = this.inbox.drain();
    for (const bar of bars) this.taken[bar.symbol] = bar.time;
    if (!capped) return [];
    const { alwaysOpen, session } = status;
    const inSession = (time: number) =>
      alwaysOpen || (session !== null && time >= session.open && time < session.close);
    return bars.filter((bar) => !excluded.includes(bar.symbol) && inSession(bar.time));
  }
}

/**
 * Trades bars through the engine in time order; a bar older than one it processed (of another
 * symbol) is too late to trade on.
 */
export function tradeBars(live: LiveEngine, bars: readonly Bar[]): void {
  for (const bar of [...bars].sort(barOrder)) {
    if (bar.time < live.barTime) continue;
    live.engine.onBar(bar);
    live.barTime = bar.time;
  }
}
