import { Injectable } from '@nestjs/common';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import { MarketDataService } from '@ptp/api/market-data';
import type { Bar } from '@ptp/domain';
import type { AccountDesk } from '../desk/account-desk';
import { TradingDesks } from '../desk/trading-desks.service';
import type { SessionSpec } from './session-spec';

/** Most bars per symbol one tick consumes; after a long pause older ones are skipped, not traded on. */
export const MAX_BARS_PER_TICK = 500;

/**
 * One tick: the newest completed bars after the session's cursor and the latest prices from
 * MarketData go through the account's desk (engine: strategy → risk → fills), which persists
 * the outcome in one transaction.
 */
@Injectable()
export class TickRunner {
  constructor(
    private readonly marketData: MarketDataService,
    private readonly desks: TradingDesks,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  /** Wall-clock period of a signal interval given in market seconds: a sped-up simulated or replayed market ticks faster. */
  periodMs(signalIntervalSec: number): number {
    const market = this.config.marketData;
    const speed = market.provider === 'simulated' ? market.simulated.speed : market.provider === 'replay' ? market.replay.speed : 1;
    return (signalIntervalSec * 1000) / speed;
  }

  /**
   * A new session starts after the newest completed bar, so it only acts on bars that close from
   * now on; a resumed one keeps its cursor and carries on after the last bar it consumed. Either
   * way the account's engine takes the session's strategy on and warms it up on the bars up to the
   * cursor, so indicators are ready at the first tick. Call inside the account's queue.
   */
  async start(desk: AccountDesk, spec: SessionSpec): Promise<void> {
    for (const symbol of spec.symbols) {
      if (spec.cursor[symbol] !== undefined) continue;
      const newest = this.marketData.getRecentBars(symbol, 1)[0];
      if (newest) spec.cursor[symbol] = newest.time;
    }
    await desk.attachSession(spec);
  }

  async tick(desk: AccountDesk, spec: SessionSpec): Promise<void> {
    const bars: Bar[] = [];
    for (const symbol of spec.symbols) {
      const cursor = spec.cursor[symbol] ?? Number.NEGATIVE_INFINITY;
      bars.push(...this.marketData.getRecentBars(symbol, MAX_BARS_PER_TICK).filter((b) => b.time > cursor));
    }
    bars.sort((a, b) => a.time - b.time || a.symbol.localeCompare(b.symbol));
    const { quotes } = await this.marketData.getQuotes(spec.symbols);
    this.desks.notePrices(bars, quotes);
    await desk.tick(bars, quotes);
  }
}
