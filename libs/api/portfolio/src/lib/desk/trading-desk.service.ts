import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import { MarketDataService } from '@ptp/api/market-data';
import { AccountEntity, EquitySnapshotEntity, OrderEntity, PaperTradeEntity, PositionEntity } from '@ptp/api/persistence';
import { RuntimeConfigService } from '@ptp/api/risk';
import { ApiError } from '@ptp/api/shared';
import type { MarketQuote } from '@ptp/contracts';
import { isOpenOrder, newYorkDate, type Bar, type EngineOutput, type Order, type TradingEngine } from '@ptp/domain';
import Decimal from 'decimal.js';
import type { Subscription } from 'rxjs';
import { DataSource, In } from 'typeorm';
import { ChartDataStore, CHART_SERIES_CAPACITY } from '../chart-data/chart-data.store';
import { buyReservation } from '../engine/buy-reservation';
import { engineConfig } from '../engine/engine-config';
import { EngineLoader } from '../engine/engine-loader.service';
import { decisionRow, fillRow, orderRow } from '../engine/engine-rows';
import { LivePrices } from '../engine/live-prices';
import { bookFills } from '../engine/position-rows';
import { foldFills } from '../health/ledger-fold';
import { KeyedSerialQueue } from '../shared/keyed-serial-queue';
import type { AccountBook, LiveEngine } from './account-book';
import type { SessionProgress } from './ledger-batch';
import { LedgerWriter } from './ledger-writer.service';
import type { RuntimeSettings } from './runtime-settings';
import type { TickSession } from './tick-session';
import { valuePortfolio, type Valuation } from './valuation';

const MINUTE_MS = 60_000;
const OPEN_STATUSES = ['new', 'accepted', 'partially_filled'];

/** What a change of the engine adds to its own output when it is committed. */
interface CommitExtras {
  readonly session?: SessionProgress;
  /** Write an equity snapshot even without fills (every tick does). */
  readonly snapshot?: boolean;
}

/**
 * Owns every account's in-memory book and trading engine and serialises everything that changes an
 * account (ticks, orders, price updates, resets) through one queue per account. Each change is
 * persisted by the LedgerWriter in one transaction before memory (and so any answer) reflects it.
 */
@Injectable()
export class TradingDesk implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TradingDesk.name);
  private readonly queue = new KeyedSerialQueue();
  private readonly books = new Map<string, AccountBook>();
  private readonly sessions = new Map<string, TickSession>();
  private readonly prices = new LivePrices();
  /** Accounts with an open-order evaluation queued: a burst of price updates queues one. */
  private readonly pendingEvaluations = new Set<string>();
  private subscription: Subscription | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly chart: ChartDataStore,
    private readonly writer: LedgerWriter,
    private readonly marketData: MarketDataService,
    private readonly runtime: RuntimeConfigService,
    private readonly loader: EngineLoader,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const symbol of this.config.trading.watchlist) {
      for (const bar of this.marketData.getRecentBars(symbol, CHART_SERIES_CAPACITY)) this.notePrice(bar);
    }
    this.subscription = this.marketData.bars$.subscribe((bar) => this.onMarketBar(bar));
    for (const account of await this.dataSource.getRepository(AccountEntity).find()) await this.book(account.id);
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Runs a task with exclusive access to the account (ticks, orders and resets never interleave). */
  run<T>(accountId: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(accountId, task);
  }

  /** Defaults of a session and the risk limits the status reports. */
  async runtimeConfig(accountId: string): Promise<RuntimeSettings> {
    const runtime = await this.runtime.get(accountId);
    return {
      strategy: runtime.strategy,
      strategyParams: runtime.strategies,
      watchlist: runtime.watchlist,
      signalIntervalSec: runtime.signalIntervalSec,
      dailyLossLimitPct: runtime.risk.dailyLossLimitPct,
    };
  }

  async valuation(accountId: string): Promise<Valuation> {
    const book = await this.book(accountId);
    const settings = await this.runtimeConfig(accountId);
    this.rollDay(book);
    return this.value(book, book.cash, book.positions, book.reserved, settings.dailyLossLimitPct);
  }

  /**
   * Makes a session's strategy part of the account's engine (call inside run()). The engine is
   * rebuilt and its strategies warmed up on the bars before the session's cursor.
   */
  async attachSession(session: TickSession): Promise<void> {
    this.sessions.set(session.accountId, session);
    await this.engineOf(await this.book(session.accountId));
  }

  /** Takes the session's strategy out of the engine (call inside run()); its working strategy orders are canceled. */
  async detachSession(accountId: string): Promise<void> {
    const session = this.sessions.get(accountId);
    if (!session) return;
    const book = await this.book(accountId);
    const engine = await this.engineOf(book);
    for (const order of engine.orders()) {
      if (order.source === 'strategy') engine.cancelOrder(order.id, book.marketTime, 'session stopped');
    }
    await this.commit(book, engine.takeOutput(), {});
    this.sessions.delete(accountId);
  }

  /**
   * One session tick (call inside run()): the new bars go through the engine (fills of resting
   * orders, strategy signals, risk), then the latest prices; orders, fills, positions, decisions,
   * the equity snapshot, the engine snapshot and the session's progress are written in one transaction.
   */
  async applyTick(session: TickSession, bars: readonly Bar[], quotes: readonly MarketQuote[]): Promise<void> {
    const book = await this.book(session.accountId);
    const engine = await this.engineOf(book);
    const live = book.live as LiveEngine;
    const cursor = { ...session.cursor };
    for (const bar of bars) {
      this.notePrice(bar);
      cursor[bar.symbol] = Math.max(cursor[bar.symbol] ?? Number.NEGATIVE_INFINITY, bar.time);
      // A bar that arrives after a newer one of another symbol was processed is too late to trade on.
      if (bar.time < live.barTime) continue;
      engine.onBar(bar);
      live.barTime = bar.time;
    }
    const now = Date.now();
    for (const quote of quotes) {
      this.prices.noteQuote(quote, now);
      if (!quote.stale) book.marketTime = Math.max(book.marketTime, quote.asOf);
    }
    if (await this.marketOpen()) this.feedPrices(engine, new Set([...session.symbols, ...book.openOrderSymbols]));
    const lastTickAt = Date.now();
    await this.commit(book, engine.takeOutput(), { session: { id: session.id, lastTickAt, cursor: JSON.stringify(cursor) }, snapshot: true });
    session.cursor = cursor;
    session.lastTickAt = lastTickAt;
  }

  /** The account's engine, built on first use and rebuilt when its runtime config or session changed (call inside run()). */
  async engineOf(book: AccountBook): Promise<TradingEngine> {
    const accountId = book.account.id;
    const runtime = await this.runtime.get(accountId);
    const session = this.sessions.get(accountId) ?? null;
    const live = book.live;
    if (live && live.runtime === runtime && live.session === session) return live.engine;
    const config = engineConfig(accountId, book.account.startingCapital, runtime, session);
    const engine = live ? this.loader.rebuild(live.engine, config, session) : await this.loader.load(accountId, config, session);
    book.live = { engine, runtime, session, committed: engine.book.state(), barTime: live?.barTime ?? engine.snapshot().time ?? Number.NEGATIVE_INFINITY };
    return engine;
  }

  /** The account's book, loaded once from the database. */
  async bookOf(accountId: string): Promise<AccountBook> {
    return this.book(accountId);
  }

  /** Whether the market accepts fills now: while it is closed resting orders are not evaluated. */
  async marketOpen(): Promise<boolean> {
    return (await this.marketData.status()).open;
  }

  /** Evaluates the engine's working orders of these symbols against their newest prices. */
  feedPrices(engine: TradingEngine, symbols: Iterable<string>): void {
    const now = Date.now();
    for (const symbol of symbols) {
      const price = this.prices.live(symbol, now);
      if (price) engine.onPrice(price);
    }
  }

  /** A quote fetched outside a tick (a manual order's symbol), so the order sees the newest price. */
  noteQuote(quote: MarketQuote): void {
    this.prices.noteQuote(quote, Date.now());
  }

  /** Market time of a symbol's newest price, else of the newest data the account has seen. */
  priceTime(book: AccountBook, symbol: string): number {
    return this.prices.timeOf(symbol) ?? book.marketTime;
  }

  /**
   * Persists what the engine did since its last output in one transaction, then updates memory.
   * If the write fails the account's memory is dropped, so the next use rebuilds it from the database.
   */
  async commit(book: AccountBook, output: EngineOutput, extras: CommitExtras): Promise<void> {
    const accountId = book.account.id;
    const live = book.live as LiveEngine;
    const engine = live.engine;
    const sessionId = live.session?.id ?? null;
    const changed = output.orders.length > 0 || output.fills.length > 0 || output.decisions.length > 0;
    if (!changed && !extras.session && !extras.snapshot) return;
    const ledger = engine.book.state();
    const strategyOrders = new Set(output.orders.filter((o) => o.source === 'strategy').map((o) => o.id));
    const booked = output.fills.length > 0 ? bookFills(accountId, book.account.startingCapital, live.committed, ledger, book.positions, output.fills) : null;
    const cash = new Decimal(ledger.cash);
    const positions = booked?.positions ?? book.positions;
    const reserved = buyReservation(engine.orders(), (s) => this.prices.priceOf(s), live.runtime.slippageBps, live.runtime.fees);
    const equity = extras.snapshot || output.fills.length > 0 ? this.equitySnapshot(book, this.value(book, cash, positions, reserved, live.runtime.risk.dailyLossLimitPct)) : null;
    try {
      await this.writer.write({
        accountId,
        orders: output.orders.map((o) => orderRow(o, accountId, o.source === 'strategy' ? sessionId : null)),
        trades: output.fills.map((f) => fillRow(f, accountId, strategyOrders.has(f.orderId) ? sessionId : null, booked?.realized.get(f.id) ?? '0')),
        positions: booked ? booked.positions : null,
        equity,
        decisions: output.decisions.map((d) => decisionRow(d, accountId, sessionId)),
        session: extras.session ?? null,
        engine: JSON.stringify(engine.snapshot()),
      });
    } catch (error) {
      this.books.delete(accountId);
      throw error;
    }
    live.committed = ledger;
    book.cash = cash;
    book.realizedPnl = new Decimal(ledger.realizedPnl);
    book.positions = positions;
    book.reserved = reserved;
    book.openOrderSymbols = new Set(engine.orders().map((o) => o.symbol));
    if (output.fills.length > 0) {
      this.chart.recordFills(
        accountId,
        output.fills.map((f) => ({ time: f.time, symbol: f.symbol, side: f.side, price: f.price, quantity: f.quantity, tradeId: f.id, orderId: f.orderId })),
      );
    }
    if (equity) this.remember(book, equity);
  }

  /** Forgets an account's memory after its rows were deleted (reset) or the account was removed. */
  forget(accountId: string, reloadAs: AccountEntity | null): void {
    this.books.delete(accountId);
    if (reloadAs) this.chart.initAccount(accountId, Number(reloadAs.startingCapital));
    else this.chart.dropAccount(accountId);
  }

  private onMarketBar(bar: Bar): void {
    this.notePrice(bar);
    for (const [accountId, book] of this.books) {
      if (!book.openOrderSymbols.has(bar.symbol) || this.pendingEvaluations.has(accountId)) continue;
      this.pendingEvaluations.add(accountId);
      void this.run(accountId, async () => {
        this.pendingEvaluations.delete(accountId);
        await this.evaluateOpenOrders(accountId);
      }).catch((error: unknown) => this.logger.error(`evaluating the open orders of account ${accountId} failed: ${(error as Error).message}`));
    }
  }

  /** A price update: the account's working orders are evaluated against the newest prices of their symbols. */
  private async evaluateOpenOrders(accountId: string): Promise<void> {
    const book = this.books.get(accountId);
    if (!book || book.openOrderSymbols.size === 0 || !(await this.marketOpen())) return;
    const engine = await this.engineOf(book);
    this.feedPrices(engine, book.openOrderSymbols);
    await this.commit(book, engine.takeOutput(), {});
  }

  private notePrice(bar: Bar): void {
    this.prices.noteBar(bar, Date.now());
    for (const book of this.books.values()) book.marketTime = Math.max(book.marketTime, bar.time + MINUTE_MS);
    this.chart.recordPrice(bar.symbol, { time: bar.time, close: bar.close });
  }

  private value(book: AccountBook, cash: Decimal, positions: readonly PositionEntity[], reserved: Decimal, dailyLossLimitPct: number): Valuation {
    return valuePortfolio({
      accountId: book.account.id,
      startingCapital: book.account.startingCapital,
      cash,
      reserved,
      realizedPnl: book.realizedPnl,
      positions,
      prices: this.prices.closes(),
      dayStartEquity: book.dayStart?.equity ?? null,
      dailyLossLimitPct,
      asOf: book.marketTime,
    });
  }

  private benchmarkSymbol(): string {
    return this.config.trading.watchlist[0];
  }

  private equitySnapshot(book: AccountBook, valuation: Valuation): Omit<EquitySnapshotEntity, 'id'> {
    const price = this.prices.priceOf(this.benchmarkSymbol());
    let benchmark: number | null = null;
    if (price !== undefined) {
      book.benchmarkAnchor ??= { price, value: Number(book.account.startingCapital) };
      benchmark = (book.benchmarkAnchor.value * price) / book.benchmarkAnchor.price;
    }
    return {
      accountId: book.account.id,
      time: book.marketTime,
      equity: valuation.equity,
      cash: new Decimal(valuation.cash).toString(),
      positionsValue: valuation.positionsValue,
      benchmark: benchmark === null ? null : new Decimal(benchmark).toDecimalPlaces(6).toString(),
    };
  }

  private remember(book: AccountBook, snapshot: Omit<EquitySnapshotEntity, 'id'>): void {
    book.lastEquity = new Decimal(snapshot.equity);
    this.chart.recordEquity(book.account.id, {
      time: snapshot.time,
      equity: Number(snapshot.equity),
      cash: Number(snapshot.cash),
      benchmark: snapshot.benchmark === null ? null : Number(snapshot.benchmark),
    });
  }

  /** At the first valuation of a new New York trading day, yesterday's last equity becomes the day's start. */
  private rollDay(book: AccountBook): void {
    const today = newYorkDate(book.marketTime);
    if (book.dayStart?.date === today) return;
    const equity = book.lastEquity ?? book.cash.plus(book.positions.reduce((sum, p) => sum.plus(new Decimal(p.quantity).times(p.avgCost)), new Decimal(0)));
    book.dayStart = { date: today, equity };
  }

  /** The account's book, loaded once from the database (positions, cash folded from its fills, snapshots, working orders). */
  private async book(accountId: string): Promise<AccountBook> {
    const known = this.books.get(accountId);
    if (known) return known;
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: accountId });
    if (!account) throw ApiError.notFound('ACCOUNT_NOT_FOUND', `No paper account with id "${accountId}".`, { accountId });
    const [fills, positions, snapshots, openOrders, runtime] = await Promise.all([
      this.dataSource.getRepository(PaperTradeEntity).find({ where: { accountId }, order: { executedAt: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(PositionEntity).find({ where: { accountId }, order: { symbol: 'ASC' } }),
      this.dataSource.getRepository(EquitySnapshotEntity).find({ where: { accountId }, order: { time: 'DESC', id: 'DESC' }, take: CHART_SERIES_CAPACITY }),
      this.dataSource.getRepository(OrderEntity).find({ where: { accountId, status: In(OPEN_STATUSES) } }),
      this.runtime.get(accountId),
    ]);
    snapshots.reverse();
    const last = snapshots[snapshots.length - 1];
    const marketTime = Math.max(last?.time ?? 0, fills[fills.length - 1]?.executedAt ?? 0, Date.now());
    const today = newYorkDate(marketTime);
    const beforeToday = [...snapshots].reverse().find((s) => newYorkDate(s.time) !== today);
    const working = openOrders.map((row) => JSON.parse(row.state) as Order).filter(isOpenOrder);
    const book: AccountBook = {
      account,
      cash: foldFills(account.startingCapital, fills).cash,
      realizedPnl: fills.reduce((sum, f) => sum.plus(f.realizedPnl).minus(f.side === 'buy' ? f.commission : 0), new Decimal(0)),
      positions,
      reserved: buyReservation(working, (s) => this.prices.priceOf(s), runtime.slippageBps, runtime.fees),
      openOrderSymbols: new Set(working.map((o) => o.symbol)),
      dayStart: beforeToday ? { date: today, equity: new Decimal(beforeToday.equity) } : null,
      lastEquity: last ? new Decimal(last.equity) : null,
      benchmarkAnchor: null,
      marketTime,
      live: null,
    };
    const benchmarkPrice = this.prices.priceOf(this.benchmarkSymbol());
    if (last?.benchmark && benchmarkPrice !== undefined) book.benchmarkAnchor = { price: benchmarkPrice, value: Number(last.benchmark) };
    this.books.set(accountId, book);
    this.chart.initAccount(
      accountId,
      Number(account.startingCapital),
      snapshots.map((s) => ({ time: s.time, equity: Number(s.equity), cash: Number(s.cash), benchmark: s.benchmark === null ? null : Number(s.benchmark) })),
      fills.slice(-CHART_SERIES_CAPACITY).map((f) => ({ time: f.executedAt, symbol: f.symbol, side: f.side, price: Number(f.price), quantity: Number(f.quantity), tradeId: f.id, orderId: f.orderId })),
    );
    return book;
  }
}
