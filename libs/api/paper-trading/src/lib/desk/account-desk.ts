import type { AccountRisk, MarketQuote } from '@ptp/contracts';
import type {
  Bar,
  CancelResult,
  CorporateActions,
  EngineOutput,
  OpenExposure,
  SubmitResult,
  TradingEngine,
} from '@ptp/domain';
import type { AccountBook } from './account-book';
import { AccountProjection } from './account-projection';
import { scheduleUpcoming } from './corporate-action-feed';
import { engineConfig } from './engine-config';
import { recordManualOrder, recordOutput } from './desk-metrics';
import type { QueuedOrder } from './ledger-batch';
import type { CommitExtras, DeskServices } from './desk-services';
import { CommittedOrderEvents } from './order-events';
import { OrderBars, tradeBars } from './order-bars';
import { asCommitted, entryTime, feedLivePrices, submitAt } from './order-entry';
import { outputBatch, outputChangesLedger } from './output-batch';
import type { TickSession } from './tick-session';
import type { Valuation } from './portfolio-view';
import { accountRiskView } from './account-risk-view';

/**
 * The only writer of one paper account. It owns the account's engine and in-memory book and offers
 * intents (tick, place and cancel orders, attach and detach a session, evaluate resting orders);
 * each persists what the engine did in one transaction, and a failed write discards the desk so the
 * account is reloaded from the database. The TradingDesks registry runs every intent in the
 * account's queue, so they never interleave.
 */
export class AccountDesk {
  private readonly projection: AccountProjection;
  private readonly orderEvents: CommittedOrderEvents;
  private readonly scheduledActions = new Set<string>();
  /** Completed bars of the working orders' symbols, for the next evaluation or tick. */
  readonly orderBars = new OrderBars();

  constructor(
    private readonly services: DeskServices,
    private readonly book: AccountBook,
  ) {
    this.projection = new AccountProjection(book, services.prices, services.benchmarkSymbol);
    this.orderEvents = new CommittedOrderEvents(book.live.engine);
  }

  get accountId(): string {
    return this.book.account.id;
  }

  /** Symbols with working orders: a new price of one of them is evaluated at once. */
  get openOrderSymbols(): ReadonlySet<string> {
    return this.book.openOrderSymbols;
  }

  /** Market time moves on with every completed bar the platform sees. */
  noteMarketTime(time: number): void {
    this.book.marketTime = Math.max(this.book.marketTime, time);
  }

  /** What the account shows, as the engine holds it. */
  valuation(): Valuation {
    return this.projection.valuation();
  }

  /** The account's risk limits and the engine's daily-loss and day-trade state. */
  async risk(): Promise<AccountRisk> {
    const runtime = await this.services.runtime.get(this.accountId);
    return accountRiskView(this.accountId, runtime.risk, this.book);
  }

  /**
   * Back to the starting capital with no history: every row of the account's history is deleted in
   * one transaction and the desk is discarded, so the next use starts from the empty account.
   */
  async reset(): Promise<void> {
    const { account } = this.book;
    await this.services.writer.eraseHistory(account.id);
    this.services.discard(account.id);
    this.services.chart.resetAccount(account.id, Number(account.startingCapital));
  }

  /** Open positions with the time each was opened from flat (the engine's open round trips). */
  openPositions(): OpenExposure[] {
    return this.book.live.engine
      .openRoundTrips()
      .map(({ symbol, entryTime }) => ({ symbol, entryTime }));
  }

  /** What the account trades or holds: the symbols whose corporate actions its engine needs. */
  tradedSymbols(): string[] {
    const held = this.book.live.engine.account().positions.map((p) => p.symbol);
    const session = this.session?.symbols ?? [];
    return [...new Set([...held, ...this.book.openOrderSymbols, ...session])].sort();
  }

  /** Schedules the symbols' upcoming splits and dividends; writes what is new or took effect. */
  async scheduleCorporateActions(actions: CorporateActions): Promise<void> {
    const engine = await this.engine();
    const fresh = scheduleUpcoming(engine, actions, this.scheduledActions);
    const output = engine.takeOutput();
    await this.commit(output, { snapshot: fresh || output.activities.length > 0 });
  }

  /** Whether the runtime config changed since the engine was built (its limits and fees are the engine's). */
  async outdated(): Promise<boolean> {
    return (await this.services.runtime.get(this.accountId)) !== this.book.live.runtime;
  }

  /** Rebuilds the engine on the current runtime config. */
  async refresh(): Promise<void> {
    await this.engine();
  }

  /** A price seen on the market values the positions (and may start a new trading day); it never trades. */
  mark(symbol: string, price: number, time: number): void {
    this.book.live.engine.markPrice({ symbol, price, time });
  }

  /** Writes what the engine booked outside an intent: a new trading day's splits and dividends, on a mark. */
  async settle(): Promise<void> {
    await this.commit(this.book.live.engine.takeOutput(), {});
  }

  /** Makes a session's strategy part of the engine, warmed up on the bars before its cursor. */
  async attachSession(session: TickSession): Promise<void> {
    this.services.sessions.set(this.accountId, session);
    await this.engine();
  }

  /** Takes the session's strategy out of the engine; its working strategy orders are canceled. */
  async stop(): Promise<void> {
    if (!this.session) return;
    const engine = await this.engine();
    for (const order of engine.orders()) {
      if (order.source === 'strategy')
        engine.cancelOrder(order.id, this.book.marketTime, 'session stopped');
    }
    await this.commit(engine.takeOutput(), {});
    this.services.sessions.delete(this.accountId);
  }

  /**
   * One session tick: the bars pushed since the last tick (and under a volume cap those of working
   * orders) go through the engine, then the latest prices; all is written in one transaction.
   */
  async tick(quotes: readonly MarketQuote[]): Promise<void> {
    const session = this.session;
    if (!session) throw new Error(`account ${this.accountId} has no session attached`);
    const engine = await this.engine();
    const bars = session.inbox.drain();
    const cursor = { ...session.cursor };
    for (const bar of bars)
      cursor[bar.symbol] = Math.max(cursor[bar.symbol] ?? Number.NEGATIVE_INFINITY, bar.time);
    const traded = [...bars, ...(await this.cappedOrderBars(session.symbols))];
    tradeBars(this.book.live, traded);
    for (const quote of quotes) {
      if (!quote.stale) this.noteMarketTime(quote.asOf);
    }
    if (await this.services.marketOpen()) {
      feedLivePrices(
        engine,
        this.services.prices,
        new Set([...session.symbols, ...this.book.openOrderSymbols]),
      );
    }
    const lastTickAt = Date.now();
    const progress = { id: session.id, lastTickAt, cursor: JSON.stringify(cursor) };
    await this.commit(engine.takeOutput(), { session: progress, snapshot: true });
    session.cursor = cursor;
    session.lastTickAt = lastTickAt;
  }

  /**
   * Manual orders, in arrival order: each is checked and filled by the engine on its symbol's newest
   * price, then all are written in one transaction (group commit), with their clients' tags (a
   * rejected order's too, so a retry finds it).
   */
  async placeOrders(orders: readonly QueuedOrder[]): Promise<SubmitResult[]> {
    const engine = await this.engine();
    const open = await this.services.marketOpen();
    const { prices } = this.services;
    const results = orders.map(({ request }) => {
      const time = entryTime(engine, prices, request.symbol, open, this.book.marketTime);
      return submitAt(engine, prices, request, time, open);
    });
    const clientOrders = orders.flatMap(({ tag }, i) => {
      const orderId = results[i].order?.id;
      return tag && orderId !== undefined ? [{ ...tag, orderId }] : [];
    });
    const output = engine.takeOutput();
    await this.commit(output, { clientOrders });
    for (const result of results) recordManualOrder(this.services.metrics, this.accountId, result);
    return results.map((result) => asCommitted(result, output));
  }

  /**
   * `request` in place of the working order `replaces`, canceled for it in the same change. If the
   * new order is refused nothing is written and the desk reloads: the old one works on.
   */
  async replaceOrder(replaces: string, { request, tag }: QueuedOrder): Promise<SubmitResult> {
    const engine = await this.engine();
    const open = await this.services.marketOpen();
    const { prices } = this.services;
    const time = entryTime(engine, prices, request.symbol, open, this.book.marketTime);
    const canceled = engine.cancelOrder(replaces, time, 'replaced');
    if (!canceled.ok) {
      await this.commit(engine.takeOutput(), {});
      return canceled;
    }
    const result = submitAt(engine, prices, request, time, open);
    if (!result.ok) {
      this.services.discard(this.accountId);
      return result;
    }
    const orderId = result.order.id;
    const output = engine.takeOutput();
    await this.commit(output, {
      clientOrders: tag ? [{ ...tag, orderId }] : [],
      replacement: { replaced: replaces, by: orderId },
    });
    recordManualOrder(this.services.metrics, this.accountId, result);
    return asCommitted(result, output);
  }

  async cancelOrder(id: string): Promise<CancelResult> {
    const engine = await this.engine();
    const result = engine.cancelOrder(id, this.book.marketTime);
    if (result.ok) await this.commit(engine.takeOutput(), {});
    return result;
  }

  /**
   * A bar or price update: working orders are evaluated on the completed bars of their symbols under
   * a volume cap (a session's tick does that when one is attached), then on the newest prices.
   */
  async evaluateOpenOrders(): Promise<void> {
    if (this.book.openOrderSymbols.size === 0) return;
    const engine = await this.engine();
    if (!this.session) tradeBars(this.book.live, await this.cappedOrderBars([]));
    if (await this.services.marketOpen())
      feedLivePrices(engine, this.services.prices, this.book.openOrderSymbols);
    await this.commit(engine.takeOutput(), {});
  }

  private async cappedOrderBars(excluded: readonly string[]): Promise<Bar[]> {
    const capped = this.book.live.runtime.execution.maxVolumePct !== null;
    return this.orderBars.take(excluded, capped, await this.services.marketStatus());
  }

  /** The engine, rebuilt from its own snapshot when the runtime config or the session changed. */
  private async engine(): Promise<TradingEngine> {
    const runtime = await this.services.runtime.get(this.accountId);
    const session = this.session;
    const live = this.book.live;
    if (live.runtime === runtime && live.session === session) return live.engine;
    // The rebuild starts from the snapshot: what a mark booked since the last write goes first.
    await this.settle();
    const { startingCapital } = this.book.account;
    const config = engineConfig(this.accountId, startingCapital, runtime, session);
    const engine = this.services.loader.rebuildEngine(live.engine, config, session);
    this.book.live = { engine, runtime, session, barTime: live.barTime };
    return engine;
  }

  private get session(): TickSession | null {
    return this.services.sessions.get(this.accountId) ?? null;
  }

  /**
   * Persists what the engine did since its last output in one transaction, then updates memory.
   * If the write fails the desk is discarded, so the next use rebuilds it from the database.
   */
  private async commit(output: EngineOutput, extras: CommitExtras): Promise<void> {
    if (!outputChangesLedger(output) && !extras.session && !extras.snapshot) return;
    const { engine, session } = this.book.live;
    const accountId = this.accountId;
    const rows = this.projection.rows(output, extras.snapshot === true);
    const sessionId = session?.id ?? null;
    const state = JSON.stringify(engine.snapshot());
    try {
      await this.services.writer.write(
        outputBatch(output, { accountId, sessionId, rows, extras, engine: state }),
      );
    } catch (error) {
      this.services.discard(accountId);
      throw error;
    }
    recordOutput(this.services.metrics, accountId, output);
    const events = this.orderEvents.take(output, engine, extras.replacement?.replaced);
    this.services.updates.publish({ accountId, events });
    this.book.openOrderSymbols = new Set(engine.orders().map((o) => o.symbol));
    if (output.fills.length > 0) this.services.corporateActionsWanted(accountId);
    const { chart } = this.services;
    chart.recordFills(accountId, output.fills.map(AccountProjection.fillMarker));
    if (rows.equity) chart.recordEquity(accountId, AccountProjection.equityPoint(rows.equity));
  }
}
