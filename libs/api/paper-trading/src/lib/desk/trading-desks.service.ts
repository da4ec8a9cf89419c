import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import { MarketDataService } from '@ptp/api/market-data';
import { TradingMetrics } from '@ptp/api/metrics';
import { RuntimeConfigService } from '@ptp/api/runtime-config';
import type { AccountRisk, MarketQuote } from '@ptp/contracts';
import { MINUTE_MS, tradingDayOf, type Bar, type OpenExposure } from '@ptp/domain';
import { Subject, type Observable, type Subscription } from 'rxjs';
import type { SharedAccountView } from '../account-views/shared-account-view';
import { RedisAccountViews } from '../account-views/redis-account-views';
import { ChartDataStore, CHART_SERIES_CAPACITY } from '../chart-data/chart-data.store';
import { AccountFence } from '../ownership/account-fence.service';
import { LeaseLostError } from '../ownership/lease-lost.error';
import { AccountDesk } from './account-desk';
import { CorporateActionFeed } from './corporate-action-feed';
import { loadedMoney } from './desk-metrics';
import type { DeskServices } from './desk-services';
import { AccountLoader } from './account-loader.service';
import { KeyedSerialQueue } from './keyed-serial-queue';
import { LedgerWriter } from './ledger-writer.service';
import { LivePrices } from './live-prices';
import { OrderUpdates } from './order-updates';
import type { Valuation } from './portfolio-view';

/**
 * One AccountDesk per paper account, loaded once from the database, and the account's queue: every
 * intent on a desk runs through `withDesk`, so ticks, orders, price updates and resets of an account
 * never interleave. It also keeps the board of newest prices all desks trade on, fed by
 * MarketData's completed bars and by quotes. Only accounts this process owns get a desk. In a
 * cluster, reads of any account (owned or not) come from the view its owner published to Redis,
 * so every instance answers alike; alone, they come from the desk.
 */
@Injectable()
export class TradingDesks implements OnModuleDestroy {
  private readonly logger = new Logger(TradingDesks.name);
  private readonly queue = new KeyedSerialQueue();
  private readonly desks = new Map<string, AccountDesk>();
  /** Loads in flight: concurrent first uses of an account share one load. */
  private readonly loading = new Map<string, Promise<AccountDesk>>();
  private readonly prices = new LivePrices();
  /** Accounts with an open-order evaluation queued: a burst of price updates queues one. */
  private readonly pendingEvaluations = new Set<string>();
  /** Where the trading day of the newest mark ends: a later mark starts a day, which may book splits and dividends. */
  private dayEnd = Number.NEGATIVE_INFINITY;
  private readonly services: DeskServices;
  private readonly actions: CorporateActionFeed;
  private subscription: Subscription | null = null;
  private evictions: Subscription | null = null;
  /** Accounts whose view may have changed: after each task in their queue, and each price mark. */
  private readonly changes = new Subject<string>();

  constructor(
    private readonly fence: AccountFence,
    @Inject(RedisAccountViews) private readonly views: RedisAccountViews | null,
    private readonly chart: ChartDataStore,
    private readonly marketData: MarketDataService,
    private readonly loader: AccountLoader,
    writer: LedgerWriter,
    runtime: RuntimeConfigService,
    @InjectAppConfig() private readonly config: AppConfig,
    metrics: TradingMetrics,
    updates: OrderUpdates,
  ) {
    metrics.valueAccountsWith(() => loadedMoney(this.desks.values()));
    this.services = {
      metrics,
      writer,
      loader,
      runtime,
      chart,
      prices: this.prices,
      updates,
      benchmarkSymbol: config.trading.watchlist[0],
      sessions: new Map(),
      marketOpen: async () => (await this.marketData.status()).open,
      marketStatus: () => this.marketData.status(),
      corporateActionsWanted: (accountId) => this.actions.wanted(accountId),
      discard: (accountId) => this.desks.delete(accountId),
    };
    this.actions = CorporateActionFeed.forDesks(this.desks, marketData, this.logger, (id, task) =>
      this.exclusive(id, task),
    );
  }

  get changed$(): Observable<string> {
    return this.changes.asObservable();
  }

  /** Starts following the market: the recent bars price the board, then every new bar. */
  startFeeds(): void {
    if (this.subscription) return;
    for (const symbol of this.config.trading.watchlist) {
      for (const bar of this.marketData.getRecentBars(symbol, CHART_SERIES_CAPACITY))
        this.notePrices([bar], []);
    }
    this.subscription = this.marketData.bars$.subscribe((bar) => this.onMarketBar(bar));
    this.actions.start();
    this.marketData.pinWith(() => this.symbolsInUse());
    this.evictions = this.marketData.evicted$.subscribe((symbols) => {
      this.chart.dropPrices(symbols, this.marketData.leads);
      this.prices.forget(symbols);
    });
  }

  onModuleDestroy(): void {
    this.actions.stop();
    this.subscription?.unsubscribe();
    this.evictions?.unsubscribe();
  }

  /** The accounts this process trades: every account whose desk it has loaded. */
  ownedAccountIds(): string[] {
    return [...this.desks.keys()].sort();
  }

  /** Runs a task with the account's desk, exclusively: the account's intents never interleave. */
  withDesk<T>(accountId: string, task: (desk: AccountDesk) => Promise<T>): Promise<T> {
    return this.queue
      .run(accountId, async () => task(await this.desk(accountId)))
      .finally(() => this.changes.next(accountId));
  }

  /** Runs a task in the account's queue without its desk (the account may not exist yet or any more). */
  exclusive<T>(accountId: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(accountId, task);
  }

  /**
   * Loads the account's desk (and with it its chart series) if this process has not yet; for an
   * account another instance owns, only its chart series is seeded from the database.
   */
  async load(accountId: string): Promise<void> {
    if (this.fence.holds(accountId)) await this.desk(accountId);
    else await this.loader.loadBook(accountId, this.prices, this.services.benchmarkSymbol);
  }

  /** Forgets the desk and session of an account this process no longer owns. */
  drop(accountId: string): void {
    this.actions.forget(accountId);
    this.desks.delete(accountId);
    this.services.sessions.delete(accountId);
  }

  /** The account's valuation, as its engine holds it. */
  async valuation(accountId: string): Promise<Valuation> {
    if (this.views) return (await this.views.awaitView(accountId)).valuation;
    return (await this.current(accountId)).valuation();
  }

  async risk(accountId: string): Promise<AccountRisk> {
    if (this.views) return (await this.views.awaitView(accountId)).risk;
    return (await this.current(accountId)).risk();
  }

  /** The positions the account's engine holds open, with the time each was opened from flat. */
  async openPositions(accountId: string): Promise<OpenExposure[]> {
    if (this.views) return (await this.views.awaitView(accountId)).openPositions;
    return (await this.desk(accountId)).openPositions();
  }

  /**
   * What the owner publishes of an account it holds, read in the account's queue (after any config
   * change the engine must follow); undefined when this process does not hold it.
   */
  figures(accountId: string): Promise<Omit<SharedAccountView, 'status'> | undefined> {
    return this.queue.run(accountId, async () => {
      if (!this.fence.holds(accountId)) return undefined;
      const desk = await this.desk(accountId);
      if (await desk.outdated()) await desk.refresh();
      return {
        valuation: desk.valuation(),
        risk: await desk.risk(),
        openPositions: desk.openPositions(),
      };
    });
  }

  /** Completed bars and quotes a tick is about to trade on become the newest known prices. */
  notePrices(bars: readonly Bar[], quotes: readonly MarketQuote[]): void {
    const newest = new Map<string, Bar>();
    for (const bar of bars) {
      this.prices.noteBar(bar, Date.now());
      this.chart.recordPrice(bar.symbol, { time: bar.time, close: bar.close });
      if (bar.time >= (newest.get(bar.symbol)?.time ?? Number.NEGATIVE_INFINITY)) {
        newest.set(bar.symbol, bar);
      }
    }
    // The accounts need only where a batch (a session's history) ends, not every bar of it.
    for (const bar of newest.values()) this.markAccounts(bar);
    for (const quote of quotes) this.noteQuote(quote);
  }

  /** A quote fetched outside a tick (a manual order's symbol), so the order sees the newest price. */
  noteQuote(quote: MarketQuote): void {
    this.prices.noteQuote(quote, Date.now());
    this.markDesks(quote.symbol, quote.asOf);
  }

  /** Forgets a deleted account: its desk and its chart series. */
  forget(accountId: string): void {
    this.actions.forget(accountId);
    this.desks.delete(accountId);
    this.chart.dropAccount(accountId);
    void this.views?.drop(accountId).catch(() => undefined);
  }

  /** The desk for a read: reads do not queue, unless the engine must first follow a config change. */
  private async current(accountId: string): Promise<AccountDesk> {
    const desk = await this.desk(accountId);
    if (!(await desk.outdated())) return desk;
    return this.withDesk(accountId, async (fresh) => {
      await fresh.refresh();
      return fresh;
    });
  }

  private async desk(accountId: string): Promise<AccountDesk> {
    const known = this.desks.get(accountId);
    if (known) return known;
    if (!this.fence.holds(accountId)) throw new LeaseLostError(accountId);
    let load = this.loading.get(accountId);
    if (!load) {
      load = this.loader
        .loadBook(accountId, this.prices, this.services.benchmarkSymbol)
        .then((book) => {
          const desk = new AccountDesk(this.services, book);
          this.desks.set(accountId, desk);
          this.actions.refresh(accountId);
          return desk;
        });
      this.loading.set(accountId, load);
      // Whether it worked or not (unknown account, database down), the next call looks again.
      void load.then(
        () => this.loading.delete(accountId),
        () => this.loading.delete(accountId),
      );
    }
    return load;
  }

  /** What running sessions trade and what accounts hold or have working orders on: market data keeps these. */
  private *symbolsInUse(): Iterable<string> {
    for (const session of this.services.sessions.values()) yield* session.symbols;
    for (const desk of this.desks.values()) {
      yield* desk.openOrderSymbols;
      for (const position of desk.openPositions()) yield position.symbol;
    }
  }

  /** Each completed bar arrives here once: it prices every account and queues for what trades it. */
  private onMarketBar(bar: Bar): void {
    this.notePrices([bar], []);
    for (const session of this.services.sessions.values()) session.inbox.offer(bar, session);
    for (const [accountId, desk] of this.desks) {
      if (desk.openOrderSymbols.has(bar.symbol)) desk.orderBars.offer(bar);
      if (!desk.openOrderSymbols.has(bar.symbol) || this.pendingEvaluations.has(accountId))
        continue;
      this.pendingEvaluations.add(accountId);
      this.queueIntent(accountId, 'evaluating the open orders of', async () => {
        this.pendingEvaluations.delete(accountId);
        await this.desks.get(accountId)?.evaluateOpenOrders();
      });
    }
  }

  private markAccounts(bar: Bar): void {
    for (const desk of this.desks.values()) desk.noteMarketTime(bar.time + MINUTE_MS);
    this.markDesks(bar.symbol, bar.time);
  }

  /** Every account values the symbol at its newest known price; `time` may start a new trading day. */
  private markDesks(symbol: string, time: number): void {
    const price = this.prices.freshPriceOf(symbol);
    if (price === undefined) return;
    for (const desk of this.desks.values()) {
      desk.mark(symbol, price, time);
      this.changes.next(desk.accountId);
    }
    if (time < this.dayEnd) return;
    this.dayEnd = tradingDayOf(time).end;
    for (const accountId of this.desks.keys())
      this.queueIntent(accountId, 'settling', async () => this.desks.get(accountId)?.settle());
  }

  /** Runs a market-prompted task in the account's queue; a failure is logged (the desk reloads). */
  private queueIntent(accountId: string, what: string, task: () => Promise<void>): void {
    void this.exclusive(accountId, task)
      .catch((error: unknown) =>
        this.logger.error(`${what} account ${accountId} failed: ${(error as Error).message}`),
      )
      .finally(() => this.changes.next(accountId));
  }
}
