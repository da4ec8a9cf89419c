import { Injectable } from '@nestjs/common';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import { MarketDataService } from '@ptp/api/market-data';
import { TradingMetrics } from '@ptp/api/metrics';
import type { Bar } from '@ptp/domain';
import type { AccountDesk } from '../desk/account-desk';
import { TradingDesks } from '../desk/trading-desks.service';
import { MAX_BARS_PER_TICK } from '../desk/bar-inbox';
import type { SessionSpec } from './session-spec';

/**
 * Starts a session's ticks: it positions the cursor, queues the history the session has not
 * consumed yet, and attaches the session to the account's desk; each tick then hands the desk the
 * latest quotes, and the desk trades the bars MarketData pushed since the previous tick.
 */
@Injectable()
export class TickRunner {
  constructor(
    private readonly marketData: MarketDataService,
    private readonly desks: TradingDesks,
    @InjectAppConfig() private readonly config: AppConfig,
    private readonly metrics: TradingMetrics,
  ) {}

  /** Wall-clock period of a signal interval given in market seconds: a sped-up simulated or replayed market ticks faster. */
  periodMs(signalIntervalSec: number): number {
    const market = this.config.marketData;
    const speed =
      market.provider === 'simulated'
        ? market.simulated.speed
        : market.provider === 'replay'
          ? market.replay.speed
          : 1;
    return (signalIntervalSec * 1000) / speed;
  }

  /**
   * A new session starts after the newest completed bar, so it only acts on bars that close from
   * now on; a resumed one keeps its cursor and carries on after the last bar it consumed, from the
   * history MarketData kept. Either way the account's engine takes the session's strategy on and
   * warms it up on the bars up to the cursor, so indicators are ready at the first tick. Call
   * inside the account's queue.
   */
  async start(desk: AccountDesk, spec: SessionSpec): Promise<void> {
    const history: Bar[] = [];
    for (const symbol of spec.symbols) {
      const recent = this.marketData.getRecentBars(symbol, MAX_BARS_PER_TICK);
      if (spec.cursor[symbol] === undefined && recent.length > 0)
        spec.cursor[symbol] = recent[recent.length - 1].time;
      history.push(...recent.filter((bar) => spec.inbox.offer(bar, spec)));
    }
    this.desks.notePrices(history, []);
    await desk.attachSession(spec);
  }

  async tick(desk: AccountDesk, spec: SessionSpec): Promise<void> {
    const started = performance.now();
    const { quotes } = await this.marketData.getQuotes(spec.symbols);
    this.desks.notePrices([], quotes);
    await desk.tick(quotes);
    this.metrics.tick(desk.accountId, (performance.now() - started) / 1000);
  }
}
