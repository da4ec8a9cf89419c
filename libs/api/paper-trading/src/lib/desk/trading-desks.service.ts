import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import { MarketDataService } from '@ptp/api/market-data';
import { type AccountMoney, TradingMetrics } from '@ptp/api/metrics';
import { AccountEntity } from '@ptp/api/persistence';
import { RuntimeConfigService } from '@ptp/api/runtime-config';
import type { AccountRisk, MarketQuote } from '@ptp/contracts';
import { MINUTE_MS, type Bar, type OpenExposure } from '@ptp/domain';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { ChartDataStore, CHART_SERIES_CAPACITY } from '../chart-data/chart-data.store';
import { AccountDesk, type DeskServices } from './account-desk';
import { AccountLoader } from './account-loader.service';
import { KeyedSerialQueue } from './keyed-serial-queue';
import { LedgerWriter } from './ledger-writer.service';
import { LivePrices } from './live-prices';
import type { Valuation } from './portfolio-view';

/**
 * One AccountDesk per paper account, loaded once from the database, and the account's queue: every
 * intent on a desk runs through `withDesk`, so ticks, orders, price updates and resets of an account
 * never interleave. It also keeps the board of newest prices all desks trade on, fed by
 * MarketData's completed bars and by quotes.
 */
@Injectable()
export class TradingDesks implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TradingDesks.name);
  private readonly queue = new KeyedSerialQueue();
  private readonly desks = new Map<string, AccountDesk>();
  /** Loads in flight: concurrent first uses of an account share one load. */
  private readonly loading = new Map<string, Promise<AccountDesk>>();
  private readonly prices = new LivePrices();
  /** Accounts with an open-order evaluation queued: a burst of price updates queues one. */
  private readonly pendingEvaluations = new Set<string>();
  private readonly services: DeskServices;
  private subscription: Subscription | null = null;
  private evictions: Subscription | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly chart: ChartDataStore,
    private readonly marketData: MarketDataService,
    private readonly loader: AccountLoader,
    writer: LedgerWriter,
    runtime: RuntimeConfigService,
    @InjectAppConfig() private readonly config: AppConfig,
    metrics: TradingMetrics,
  ) {
    metrics.valueAccountsWith(() => this.loadedMoney());
    this.services = {
      metrics,
      writer,
      loader,
      runtime,
      chart,
      prices: this.prices,
      benchmarkSymbol: config.trading.watchlist[0],
      sessions: new Map(),
      marketOpen: async () => (await this.marketData.status()).open,
      discard: (accountId) => this.desks.delete(accountId),
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const symbol of this.config.trading.watchlist) {
      for (const bar of this.marketData.getRecentBars(symbol, CHART_SERIES_CAPACITY))
        this.notePrice(bar);
    }
    this.subscription = this.marketData.bars$.subscribe((bar) => this.onMarketBar(bar));
    this.marketData.pinWith(() => this.symbolsInUse());
    this.evictions = this.marketData.evicted$.subscribe((symbols) => {
      this.chart.dropPrices(symbols, this.marketData.leads);
      this.prices.forget(symbols);
    });
    for (const account of await this.dataSource.getRepository(AccountEntity).find())
      await this.desk(account.id);
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    this.evictions?.unsubscribe();
  }

  /** The accounts this process trades: every account whose desk it has loaded. */
  ownedAccountIds(): string[] {
    return [...this.desks.keys()].sort();
  }

  /** Runs a task with the account's desk, exclusively: the account's intents never interleave. */
  withDesk<T>(accountId: string, task: (desk: AccountDesk) => Promise<T>): Promise<T> {
    return this.queue.run(accountId, async () => task(await this.desk(accountId)));
  }

  /** Runs a task in the account's queue without its desk (the account may not exist yet or any more). */
  exclusive<T>(accountId: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(accountId, task);
  }

  /** Loads the account's desk (and with it its chart series) if this process has not yet. */
  async load(accountId: string): Promise<void> {
    await this.desk(accountId);
  }

  /** Equity and cash of the accounts in memory: a scrape never loads one. */
  private loadedMoney(): AccountMoney[] {
    return [...this.desks.values()].map((desk) => {
      const { equity, cash } = desk.valuation();
      return { accountId: desk.accountId, equity: Number(equity), cash: Number(cash) };
    });
  }

  /** The account's valuation, as its engine holds it. */
  async valuation(accountId: string): Promise<Valuation> {
    return (await this.current(accountId)).valuation();
  }

  async risk(accountId: string): Promise<AccountRisk> {
    return (await this.current(accountId)).risk();
  }

  /** The positions the account's engine holds open, with the time each was opened from flat. */
  async openPositions(accountId: string): Promise<OpenExposure[]> {
    return (await this.desk(accountId)).openPositions();
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
    this.desks.delete(accountId);
    this.chart.dropAccount(accountId);
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
    let load = this.loading.get(accountId);
    if (!load) {
      load = this.loader
        .loadBook(accountId, this.prices, this.services.benchmarkSymbol)
        .then((book) => {
          const desk = new AccountDesk(this.services, book);
          this.desks.set(accountId, desk);
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

  /** Each completed bar arrives here once: it prices every account and queues for the sessions trading it. */
  private onMarketBar(bar: Bar): void {
    this.notePrice(bar);
    for (const session of this.services.sessions.values()) session.inbox.offer(bar, session);
    for (const [accountId, desk] of this.desks) {
      if (!desk.openOrderSymbols.has(bar.symbol) || this.pendingEvaluations.has(accountId))
        continue;
      this.pendingEvaluations.add(accountId);
      void this.exclusive(accountId, async () => {
        this.pendingEvaluations.delete(accountId);
        await this.desks.get(accountId)?.evaluateOpenOrders();
      }).catch((error: unknown) =>
        this.logger.error(
          `evaluating the open orders of account ${accountId} failed: ${(error as Error).message}`,
        ),
      );
    }
  }

  private notePrice(bar: Bar): void {
    this.notePrices([bar], []);
  }

  private markAccounts(bar: Bar): void {
    for (const desk of this.desks.values()) desk.noteMarketTime(bar.time + MINUTE_MS);
    this.markDesks(bar.symbol, bar.time);
  }

  /** Every account values the symbol at its newest known price; `time` may start a new trading day. */
  private markDesks(symbol: string, time: number): void {
    const price = this.prices.freshPriceOf(symbol);
    if (price === undefined) return;
    for (const desk of this.desks.values()) desk.mark(symbol, price, time);
  }
}
