import { Injectable } from '@nestjs/common';
import { MarketDataService } from '@ptp/api/market-data';
import { EngineStateEntity, PaperTradeEntity } from '@ptp/api/persistence';
import { TradingEngine, type Bar, type EngineConfig, type EngineSnapshot } from '@ptp/domain';
import { DataSource } from 'typeorm';
import { fillsInBookingOrder } from './engine-rows';

/** Bars per symbol replayed into a strategy when its engine is (re)built: more than any strategy's longest window. */
export const WARM_UP_BARS = 500;

/** Where a session's strategies stand: the newest bar each symbol's strategy has consumed. */
export interface WarmUpCursor {
  readonly symbols: readonly string[];
  readonly cursor: Readonly<Record<string, number>>;
}

/**
 * Builds an account's TradingEngine: from the database after a start-up or crash (the stored
 * snapshot, checked against every persisted fill), or from the running engine's snapshot when its
 * config changed. Strategies are warmed up on the recent bars they had already seen.
 */
@Injectable()
export class EngineLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly marketData: MarketDataService,
  ) {}

  async load(accountId: string, config: EngineConfig, session: WarmUpCursor | null): Promise<TradingEngine> {
    const [state, rows] = await Promise.all([
      this.dataSource.getRepository(EngineStateEntity).findOneBy({ accountId }),
      this.dataSource.getRepository(PaperTradeEntity).findBy({ accountId }),
    ]);
    const fills = fillsInBookingOrder(rows);
    if (!state) {
      if (fills.length > 0) throw new Error(`account ${accountId} has fills but no engine state`);
      return this.warm(new TradingEngine(config), session);
    }
    return this.warm(TradingEngine.restore(config, JSON.parse(state.snapshot) as EngineSnapshot, fills), session);
  }

  rebuild(engine: TradingEngine, config: EngineConfig, session: WarmUpCursor | null): TradingEngine {
    return this.warm(TradingEngine.restore(config, engine.snapshot()), session);
  }

  private warm(engine: TradingEngine, session: WarmUpCursor | null): TradingEngine {
    if (!session) return engine;
    const bars: Bar[] = [];
    for (const symbol of session.symbols) {
      const cursor = session.cursor[symbol];
      if (cursor === undefined) continue;
      bars.push(...this.marketData.getRecentBars(symbol, WARM_UP_BARS).filter((bar) => bar.time <= cursor));
    }
    bars.sort((a, b) => a.time - b.time || a.symbol.localeCompare(b.symbol));
    engine.warmUp(bars);
    return engine;
  }
}
