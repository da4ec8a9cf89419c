import { livePriceRefusal, referencePrice, type LivePrice } from '../execution/live-price';
import type { CorporateActions } from '../corporate-actions/corporate-action-types';
import { Ledger } from '../ledger/ledger';
import { RoundTripTracker, type OpenRoundTrip } from '../ledger/round-trips';
import type { Bar } from '../market/bar';
import type { Order, OrderRequest } from '../orders/order-types';
import { DailyLossGuard } from '../risk/daily-loss-guard';
import { DayTradeCounter } from '../risk/day-trades';
import { createStrategy } from '../strategies/strategy-registry';
import type { StrategyContext } from '../strategies/strategy';
import { accountView, type AccountView } from './account-view';
import { CorporateActionBook } from './corporate-action-book';
import { DayRoll } from './day-roll';
import {
  portfolioView,
  type PortfolioView,
  type PriceMark,
  type PriceResult,
} from './engine-views';
import { checkEngineConfig, DEFAULT_MAX_PRICE_AGE_MS, type EngineConfig } from './engine-config';
import { EngineError } from './engine-error';
import { EngineIds } from './engine-ids';
import type { EngineOutput } from './engine-output';
import { replayFills, type LedgerEntry } from './engine-restore';
import type { EngineSnapshot } from './engine-snapshot';
import { Execution } from './execution';
import { ManualOrders, type CancelResult, type SubmitResult } from './manual-orders';
import { OrderBook } from './order-book';
import { OutputBuffer } from './output-buffer';
import { PositionHistory } from './position-history';
import { PreTradeGate } from './pre-trade-gate';
import { riskStateOf, type RiskState } from './risk-state';
import { isDailyBarTime } from './session-clock';
import { StrategyDecisions } from './strategy-decisions';

export { EngineError } from './engine-error';
export type { CancelResult, SubmitResult } from './manual-orders';

const HOLDING: StrategyContext = { holding: true };
const FLAT: StrategyContext = { holding: false };

/**
 * The one deterministic trading engine of backtests and live paper trading. Feed it completed bars
 * in time order (several symbols may share a time) and, live, the latest prices; read what happened
 * with takeOutput(). Same config and inputs, same outputs, ids included.
 *
 * Bar rule: a strategy signal on bar t's close becomes a market order that fills at the open of the
 * symbol's next bar (adverse slippage, clamped to that bar's range); resting orders are evaluated
 * against each later bar's OHLC. Money moves only through the decimal Ledger.
 */
export class TradingEngine {
  private readonly ledger: Ledger;
  private readonly trips: RoundTripTracker;
  private readonly guard: DailyLossGuard;
  private readonly positions: PositionHistory;
  private readonly ids: EngineIds;
  private readonly orderBook: OrderBook;
  private readonly output = new OutputBuffer();
  private readonly clock: DayRoll;
  private readonly gate: PreTradeGate;
  private readonly execution: Execution;
  private readonly decisions: StrategyDecisions;
  private readonly manual: ManualOrders;
  private readonly maxPriceAgeMs: number;
  private readonly actions: CorporateActionBook;
  private readonly dayTrades: DayTradeCounter;
  private changes = 0;

  constructor(
    readonly config: EngineConfig,
    snapshot?: EngineSnapshot,
  ) {
    checkEngineConfig(config);
    this.maxPriceAgeMs = config.maxPriceAgeMs ?? DEFAULT_MAX_PRICE_AGE_MS;
    this.ids = new EngineIds(config.idPrefix ?? '', snapshot?.counters);
    this.orderBook = new OrderBook(this.ids);
    for (const [symbol, { name, params }] of Object.entries(config.strategies)) {
      this.orderBook.assign(symbol, { name, rules: createStrategy(name, params) });
    }
    if (snapshot && snapshot.version !== 1) {
      const version = String(snapshot.version);
      throw new EngineError('UNSUPPORTED_SNAPSHOT', `snapshot version ${version} is not supported`);
    }
    this.ledger = snapshot
      ? Ledger.fromState(config.startingCash, snapshot.ledger, snapshot.marks)
      : new Ledger(config.startingCash);
    this.trips = new RoundTripTracker(snapshot?.openTrips);
    this.guard = new DailyLossGuard(snapshot?.dailyLoss);
    this.positions = snapshot?.positionOpenings
      ? new PositionHistory(snapshot.positionOpenings)
      : PositionHistory.fromOpenTrips(snapshot?.openTrips ?? []);
    const { ledger, orderBook: book, ids, output, trips, guard, positions } = this;
    const saved = snapshot?.corporateActions;
    this.actions = new CorporateActionBook(ledger, trips, book, ids, output, saved);
    const dayTrades = (this.dayTrades = new DayTradeCounter(snapshot?.dayTrades));
    const newDay = (date: string, time: number) => {
      dayTrades.startDay(date);
      return this.actions.startDay(date, time);
    };
    this.clock = new DayRoll(config, ledger, book, guard, output, newDay);
    this.gate = new PreTradeGate(config, ledger, book, guard, dayTrades);
    this.execution = new Execution(config, ledger, trips, positions, book, ids, output, dayTrades);
    this.decisions = new StrategyDecisions(config, ledger, book, this.gate, ids, output);
    this.manual = new ManualOrders(config, book, this.gate);
    if (snapshot) this.load(snapshot);
  }

  /**
   * Rebuilds an engine after a restart: the ledger from every persisted fill and corporate-action
   * activity in booking order (checked against the snapshot's), open orders, counters and day state
   * from the snapshot. Feed warmUp() the recent bars afterwards to bring the indicators back.
   */
  static restore(
    config: EngineConfig,
    snapshot: EngineSnapshot,
    fills?: Iterable<LedgerEntry>,
  ): TradingEngine {
    const replayed = fills ? replayFills(config.startingCash, snapshot, fills) : null;
    const engine = new TradingEngine(config, snapshot);
    if (replayed && !snapshot.positionOpenings) engine.positions.load(replayed.state());
    return engine;
  }

  private load(snapshot: EngineSnapshot): void {
    this.clock.load(snapshot);
    this.orderBook.load(snapshot.openOrders);
    for (const [symbol, price] of Object.entries(snapshot.marks))
      this.orderBook.state(symbol).lastPrice = price;
  }

  /** Feeds strategies with history without trading: indicator warm-up after a restore. */
  warmUp(bars: Iterable<Bar>): void {
    this.changes++;
    for (const bar of bars) {
      const state = this.orderBook.state(bar.symbol);
      if (bar.time <= state.lastBarTime) continue;
      state.lastBarTime = bar.time;
      state.lastPrice = bar.close;
      state.strategy?.rules.evaluate(bar, this.context(bar.symbol));
    }
  }

  /** Goes up with every call that may change the state (reads leave it): derived views keep until it moves. */
  get revision(): number {
    return this.changes;
  }

  /** The New York date of the trading day the engine is in (null before its first bar or price). */
  get tradingDate(): string | null {
    return this.clock.date;
  }

  /** Splits and dividends, applied when their day begins; scheduling one twice is a no-op. */
  scheduleCorporateActions(actions: CorporateActions): void {
    this.changes++;
    this.actions.schedule(actions, this.clock.date, this.clock.time);
  }

  /**
   * Processes one completed bar: fills resting orders on it, marks the position, then evaluates the
   * strategy on its close.
   */
  onBar(bar: Bar): void {
    this.changes++;
    const state = this.orderBook.state(bar.symbol);
    if (bar.time <= state.lastBarTime) {
      const message = `bar ${bar.symbol} @ ${bar.time} is not after the previous bar of that symbol`;
      throw new EngineError('OUT_OF_ORDER', `${message} (${state.lastBarTime})`);
    }
    if (this.clock.isAfter(bar.time)) {
      const message = `bar ${bar.symbol} @ ${bar.time} is earlier than the engine time ${this.clock.time}`;
      throw new EngineError('OUT_OF_ORDER', message);
    }
    const date = this.clock.advance(bar.time);
    state.lastBarTime = bar.time;
    if (state.orders.length > 0) this.execution.onBar(state, bar, date);
    state.lastPrice = bar.close;
    this.ledger.mark(bar.symbol, bar.close);
    const strategy = state.strategy;
    if (strategy === null) return;
    const action = strategy.rules.evaluate(bar, this.context(bar.symbol));
    if (action === 'hold') return;
    const marketOpen = isDailyBarTime(bar.time) ? null : this.clock.isMarketOpen(date, bar.time);
    const description = strategy.rules.describe();
    this.decisions.decide({ state, strategy, bar, action, description, marketOpen });
  }

  /** Live: fills open orders of the symbol on the price (never a stale one) and marks it. */
  onPrice(tick: LivePrice): PriceResult {
    this.changes++;
    const refused = livePriceRefusal(tick, this.maxPriceAgeMs);
    const price = referencePrice(tick);
    if (refused || price === null) return { refused: refused ?? 'NO_PRICE', fills: 0 };
    const state = this.orderBook.state(tick.symbol);
    const before = this.ids.fills;
    this.execution.onPrice(state, tick, this.clock.date);
    state.lastPrice = price;
    this.ledger.mark(tick.symbol, price);
    return { refused: null, fills: this.ids.fills - before };
  }

  /**
   * Values a position at an observed price without trading: never fills, never moves the bar time
   * nor records equity. A price in a later trading day rolls the day as a bar would (day orders
   * expire, the daily loss limit starts a new session), so accounts that see no bars still change
   * days.
   */
  markPrice(mark: PriceMark): void {
    this.changes++;
    if (!(mark.price > 0) || !Number.isFinite(mark.price)) return;
    this.clock.observe(mark.time);
    this.orderBook.state(mark.symbol).lastPrice = mark.price;
    this.ledger.mark(mark.symbol, mark.price);
  }

  /**
   * A manual order: validated, checked by risk at `time`, then accepted (it fills on later bars or
   * prices) or rejected.
   */
  submitOrder(request: OrderRequest, time: number): SubmitResult {
    this.changes++;
    return this.manual.submit(request, time);
  }

  cancelOrder(id: string, time: number, reason = 'canceled by request'): CancelResult {
    this.changes++;
    return this.manual.cancel(id, time, reason);
  }

  /** Everything that happened since the previous call; closes the bar time with an equity point. */
  takeOutput(): EngineOutput {
    this.changes++;
    this.clock.closeStep();
    return this.output.take(this.orderBook.takeChanged());
  }

  portfolio(): PortfolioView {
    return portfolioView(this.ledger, this.guard, this.clock.time, this.availableCash());
  }

  /** Cash minus what open buy orders will spend (last price, slippage and fees); may be negative. */
  availableCash(): number {
    return this.gate.availableCash();
  }

  /** Cash, equity, P&L and positions in exact decimals: what the account shows. */
  account(): AccountView {
    const { date, startEquity } = this.guard.current;
    return accountView(this.ledger, this.positions, {
      time: this.clock.time,
      availableCash: this.availableCash(),
      startOfDayEquity: date === null ? null : startEquity,
    });
  }

  /** The daily loss limit's state at the current equity, with the number of open positions. */
  riskState(): RiskState {
    const { ledger, guard, config, dayTrades } = this;
    return riskStateOf(guard, config.risk, ledger.equity(), ledger.openPositionCount, dayTrades);
  }

  /** The exact decimal ledger (read it, do not mutate it). */
  get book(): Ledger {
    return this.ledger;
  }

  /** Round trips whose position is still open. */
  openRoundTrips(): OpenRoundTrip[] {
    return this.trips.openTrips();
  }

  orders(): Order[] {
    return this.orderBook.copies();
  }

  snapshot(): EngineSnapshot {
    const corporateActions = this.actions.state();
    return {
      version: 1,
      time: this.clock.time,
      day: this.clock.day,
      counters: this.ids.counters(),
      ledger: this.ledger.state(),
      marks: this.ledger.markedPrices(),
      openOrders: this.orders(),
      openTrips: this.openRoundTrips(),
      dailyLoss: this.guard.current,
      lastEquityTime: this.clock.lastEquityTime,
      positionOpenings: this.positions.state(),
      dayTrades: this.dayTrades.state(),
      ...(corporateActions ? { corporateActions } : {}),
    };
  }

  private context(symbol: string): StrategyContext {
    return this.ledger.quantity(symbol) > 0 ? HOLDING : FLAT;
  }
}
