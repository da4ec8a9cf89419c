import { Injectable } from '@nestjs/common';
import { MarketDataService } from '@ptp/api/market-data';
import {
  AccountEntity,
  CorporateActivityEntity,
  EngineStateEntity,
  EquitySnapshotEntity,
  fillFromRow,
  fillsInBookingOrder,
  ledgerInBookingOrder,
  PaperTradeEntity,
  PositionEntity,
} from '@ptp/api/persistence';
import { RuntimeConfigService } from '@ptp/api/runtime-config';
import { ApiError } from '@ptp/api/shared';
import { TradingEngine, type Bar, type EngineConfig, type EngineSnapshot } from '@ptp/domain';
import { DataSource } from 'typeorm';
import { ChartDataStore, CHART_SERIES_CAPACITY } from '../chart-data/chart-data.store';
import type { AccountBook } from './account-book';
import { AccountProjection } from './account-projection';
import { engineConfig } from './engine-config';
import type { LivePrices } from './live-prices';

/** Bars per symbol replayed into a strategy when its engine is (re)built: more than any strategy's longest window. */
export const WARM_UP_BARS = 500;

/** Where a session's strategies stand: the newest bar each symbol's strategy has consumed. */
export interface WarmUpCursor {
  readonly symbols: readonly string[];
  readonly cursor: Readonly<Record<string, number>>;
}

/**
 * Loads an account from the database: its book (positions, snapshots, working orders) and its
 * TradingEngine, restored from the stored snapshot and checked against every persisted fill, split
 * and dividend, or
 * rebuilt from the running engine's snapshot when its config changed. Strategies are warmed up on
 * the recent bars they had already seen.
 */
@Injectable()
export class AccountLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly marketData: MarketDataService,
    private readonly runtime: RuntimeConfigService,
    private readonly chart: ChartDataStore,
  ) {}

  /**
   * The account's book: its engine (restored without a session) marked to the newest known prices,
   * and its chart series seeded from the database.
   */
  async loadBook(
    accountId: string,
    prices: LivePrices,
    benchmarkSymbol: string,
  ): Promise<AccountBook> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: accountId });
    if (!account)
      throw ApiError.notFound('ACCOUNT_NOT_FOUND', `No paper account with id "${accountId}".`, {
        accountId,
      });
    const [fills, positions, snapshots, runtime] = await Promise.all([
      this.dataSource
        .getRepository(PaperTradeEntity)
        .find({ where: { accountId }, order: { executedAt: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(PositionEntity).find({ where: { accountId } }),
      this.dataSource.getRepository(EquitySnapshotEntity).find({
        where: { accountId },
        order: { time: 'DESC', id: 'DESC' },
        take: CHART_SERIES_CAPACITY,
      }),
      this.runtime.get(accountId),
    ]);
    snapshots.reverse();
    const last = snapshots[snapshots.length - 1];
    const engine = await this.loadEngine(
      accountId,
      engineConfig(accountId, account.startingCapital, runtime, null),
      null,
    );
    for (const mark of prices.marks()) engine.markPrice(mark);
    const book: AccountBook = {
      account,
      live: {
        engine,
        runtime,
        session: null,
        barTime: engine.snapshot().time ?? Number.NEGATIVE_INFINITY,
      },
      openOrderSymbols: new Set(engine.orders().map((o) => o.symbol)),
      lastFillTime: new Map(positions.map((p) => [p.symbol, p.updatedAt ?? p.openedAt])),
      benchmarkAnchor: null,
      marketTime: Math.max(last?.time ?? 0, fills[fills.length - 1]?.executedAt ?? 0, Date.now()),
    };
    const benchmarkPrice = prices.priceOf(benchmarkSymbol);
    if (last?.benchmark && benchmarkPrice !== undefined)
      book.benchmarkAnchor = { price: benchmarkPrice, value: Number(last.benchmark) };
    this.chart.initAccount(
      accountId,
      Number(account.startingCapital),
      snapshots.map(AccountProjection.equityPoint),
      fills
        .slice(-CHART_SERIES_CAPACITY)
        .map((row) => AccountProjection.fillMarker(fillFromRow(row))),
    );
    return book;
  }

  async loadEngine(
    accountId: string,
    config: EngineConfig,
    session: WarmUpCursor | null,
  ): Promise<TradingEngine> {
    const [state, rows, activities] = await Promise.all([
      this.dataSource.getRepository(EngineStateEntity).findOneBy({ accountId }),
      this.dataSource.getRepository(PaperTradeEntity).findBy({ accountId }),
      this.dataSource.getRepository(CorporateActivityEntity).findBy({ accountId }),
    ]);
    const ledger = ledgerInBookingOrder(fillsInBookingOrder(rows), activities);
    if (!state) {
      if (ledger.length > 0) throw new Error(`account ${accountId} has fills but no engine state`);
      return this.warm(new TradingEngine(config), session);
    }
    return this.warm(
      TradingEngine.restore(config, JSON.parse(state.snapshot) as EngineSnapshot, ledger),
      session,
    );
  }

  rebuildEngine(
    engine: TradingEngine,
    config: EngineConfig,
    session: WarmUpCursor | null,
  ): TradingEngine {
    return this.warm(TradingEngine.restore(config, engine.snapshot()), session);
  }

  private warm(engine: TradingEngine, session: WarmUpCursor | null): TradingEngine {
    if (!session) return engine;
    const bars: Bar[] = [];
    for (const symbol of session.symbols) {
      const cursor = session.cursor[symbol];
      if (cursor === undefined) continue;
      bars.push(
        ...this.marketData.getRecentBars(symbol, WARM_UP_BARS).filter((bar) => bar.time <= cursor),
      );
    }
    bars.sort((a, b) => a.time - b.time || a.symbol.localeCompare(b.symbol));
    engine.warmUp(bars);
    return engine;
  }
}
