import { isOpen, session, type TradingSession } from '../calendar/nyse-calendar';
import { exactFees } from '../execution/fees';
import { fillCost, type FillCost } from '../execution/fill-cost';
import { fillPrice, updateTrailAnchor, type PriceRange } from '../execution/fill-price';
import { livePriceRefusal, liveRange, referencePrice, type LivePrice, type LivePriceRefusal } from '../execution/live-price';
import { slip } from '../execution/slippage';
import type { Fill } from '../ledger/fill';
import { Ledger, type PositionView } from '../ledger/ledger';
import { LedgerError } from '../ledger/ledger-error';
import { dec } from '../money/decimal';
import { floorQuantity, QUANTITY_STEP } from '../money/rounding';
import { RoundTripTracker, type OpenRoundTrip } from '../ledger/round-trips';
import type { Bar } from '../market/bar';
import { createOrder, type OrderOrigin } from '../orders/order-factory';
import { recordOrderFill, remainingQuantity } from '../orders/order-fills';
import { transitionOrder } from '../orders/order-state';
import { isOpenOrder, type Order, type OrderSide } from '../orders/order-types';
import { validateOrderRequest, type OrderValidationIssue, type ValidOrderRequest } from '../orders/order-validation';
import type { OrderRequest } from '../orders/order-types';
import { DailyLossGuard } from '../risk/daily-loss-guard';
import { preTradeCheck, type PreTradeContext } from '../risk/pre-trade-checks';
import { DEFAULT_RISK_CONFIG, type RiskRejection } from '../risk/risk-config';
import { affordableBuy, affordableSteps, entryNotional } from '../risk/sizing';
import { createStrategy } from '../strategies/strategy-registry';
import type { Strategy, StrategyContext, StrategySignal } from '../strategies/strategy';
import { checkEngineConfig, DEFAULT_MAX_PRICE_AGE_MS, type EngineConfig } from './engine-config';
import { emptyOutput, type DecisionRecord, type EngineOutput } from './engine-output';
import type { EngineSnapshot } from './engine-snapshot';
import { isDailyBarTime, tradingDayOf, type TradingDay } from './session-clock';

interface SymbolState {
  readonly symbol: string;
  readonly strategy: Strategy | null;
  readonly strategyName: string | null;
  /** Open orders of this symbol in creation order. */
  orders: Order[];
  lastBarTime: number;
  lastPrice: number | null;
}

/** Why a manual order was not accepted: invalid input (no order exists) or a rule (the order exists, rejected). */
export type SubmitResult =
  | { readonly ok: true; readonly order: Order }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly issues?: readonly OrderValidationIssue[]; readonly rejection?: RiskRejection; readonly order?: Order; readonly referencePrice?: number };

/** The engine keeps only open orders: a filled, canceled or unknown id is ORDER_NOT_FOUND here (the caller's store knows which). */
export type CancelResult = { readonly ok: true; readonly order: Order } | { readonly ok: false; readonly code: 'ORDER_NOT_FOUND'; readonly message: string };

export interface PriceResult {
  readonly refused: LivePriceRefusal | null;
  readonly fills: number;
}

export interface PortfolioView {
  readonly time: number | null;
  readonly cash: number;
  readonly equity: number;
  readonly realizedPnl: number;
  readonly unrealizedPnl: number;
  readonly dayPnl: number;
  readonly dailyLossBreached: boolean;
  readonly positions: PositionView[];
}

const HOLDING: StrategyContext = { holding: true };
const FLAT: StrategyContext = { holding: false };

/**
 * A gtc order request of the engine's own (strategy entries and exits, bracket children, flattening).
 * Every key is present, so that all of them share one object shape and createOrder stays on V8's fast path.
 */
function engineRequest(symbol: string, side: OrderSide, type: 'market' | 'limit' | 'stop', quantity: number | undefined, notional?: number, limitPrice?: number, stopPrice?: number): ValidOrderRequest {
  return { symbol, side, type, quantity, notional, limitPrice, stopPrice, trailPercent: undefined, trailAmount: undefined, takeProfit: undefined, stopLoss: undefined, timeInForce: 'gtc' };
}

/** Orders leave the engine as copies: callers may keep them without seeing (or causing) later changes. */
function copyOrder(order: Order): Order {
  return { ...order, transitions: [...order.transitions] };
}

export class EngineError extends Error {
  constructor(
    readonly code: 'OUT_OF_ORDER' | 'RESTORE_MISMATCH' | 'UNSUPPORTED_SNAPSHOT',
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

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
  private readonly symbols = new Map<string, SymbolState>();
  private readonly openOrders = new Map<string, Order>();
  private readonly prefix: string;
  private readonly maxPriceAgeMs: number;
  private output: EngineOutput = emptyOutput();
  /** Orders changed since the last takeOutput(), copied into the output only then. */
  private readonly changed = new Map<string, Order>();
  private counters = { order: 0, fill: 0, decision: 0 };
  private time: number | null = null;
  private day: TradingDay | null = null;
  /** The regular session of `day` once a decision asked for it (undefined: not looked up yet). */
  private daySession: TradingSession | null | undefined = undefined;
  private lastEquityTime: number | null = null;

  constructor(
    readonly config: EngineConfig,
    snapshot?: EngineSnapshot,
  ) {
    checkEngineConfig(config);
    this.prefix = config.idPrefix ?? '';
    this.maxPriceAgeMs = config.maxPriceAgeMs ?? DEFAULT_MAX_PRICE_AGE_MS;
    for (const [symbol, assignment] of Object.entries(config.strategies)) {
      this.symbols.set(symbol, this.newSymbolState(symbol, createStrategy(assignment.name, assignment.params), assignment.name));
    }
    if (snapshot && snapshot.version !== 1) throw new EngineError('UNSUPPORTED_SNAPSHOT', `snapshot version ${String(snapshot.version)} is not supported`);
    this.ledger = snapshot ? Ledger.fromState(config.startingCash, snapshot.ledger, snapshot.marks) : new Ledger(config.startingCash);
    this.trips = new RoundTripTracker(snapshot?.openTrips);
    this.guard = new DailyLossGuard(snapshot?.dailyLoss);
    if (snapshot) this.load(snapshot);
  }

  /**
   * Rebuilds an engine after a restart: the ledger from every persisted fill (checked against the
   * snapshot's), open orders, counters and day state from the snapshot. Feed warmUp() the recent bars
   * afterwards so that the strategies' indicators are where they were.
   */
  static restore(config: EngineConfig, snapshot: EngineSnapshot, fills?: Iterable<Fill>): TradingEngine {
    if (fills) {
      let rebuilt: string;
      try {
        rebuilt = JSON.stringify(Ledger.fromFills(config.startingCash, fills).state());
      } catch (error) {
        throw new EngineError('RESTORE_MISMATCH', `the fills do not replay: ${(error as Error).message}`);
      }
      if (rebuilt !== JSON.stringify(snapshot.ledger)) {
        throw new EngineError('RESTORE_MISMATCH', 'the ledger rebuilt from the fills differs from the snapshot');
      }
    }
    return new TradingEngine(config, snapshot);
  }

  private load(snapshot: EngineSnapshot): void {
    this.counters = { ...snapshot.counters };
    this.time = snapshot.time;
    this.day = snapshot.day;
    this.lastEquityTime = snapshot.lastEquityTime;
    for (const saved of snapshot.openOrders) {
      const order = copyOrder(saved);
      this.openOrders.set(order.id, order);
      this.state(order.symbol).orders.push(order);
    }
    for (const [symbol, price] of Object.entries(snapshot.marks)) this.state(symbol).lastPrice = price;
  }

  private newSymbolState(symbol: string, strategy: Strategy | null, strategyName: string | null): SymbolState {
    return { symbol, strategy, strategyName, orders: [], lastBarTime: Number.NEGATIVE_INFINITY, lastPrice: null };
  }

  private state(symbol: string): SymbolState {
    let state = this.symbols.get(symbol);
    if (!state) {
      state = this.newSymbolState(symbol, null, null);
      this.symbols.set(symbol, state);
    }
    return state;
  }

  /** Feeds strategies (and price marks) with history without trading: indicator warm-up after a restore. */
  warmUp(bars: Iterable<Bar>): void {
    for (const bar of bars) {
      const state = this.state(bar.symbol);
      if (bar.time <= state.lastBarTime) continue;
      state.lastBarTime = bar.time;
      state.lastPrice = bar.close;
      state.strategy?.evaluate(bar, this.ledger.quantity(bar.symbol) > 0 ? HOLDING : FLAT);
    }
  }

  /** Processes one completed bar: fills resting orders on it, marks the position, then evaluates the strategy on its close. */
  onBar(bar: Bar): void {
    const state = this.state(bar.symbol);
    if (bar.time <= state.lastBarTime) {
      throw new EngineError('OUT_OF_ORDER', `bar ${bar.symbol} @ ${bar.time} is not after the previous bar of that symbol (${state.lastBarTime})`);
    }
    if (this.time === null || bar.time > this.time) this.advance(bar.time);
    else if (bar.time < this.time) throw new EngineError('OUT_OF_ORDER', `bar ${bar.symbol} @ ${bar.time} is earlier than the engine time ${this.time}`);
    state.lastBarTime = bar.time;
    if (state.orders.length > 0) this.fillOnBar(state, bar);
    state.lastPrice = bar.close;
    this.ledger.mark(bar.symbol, bar.close);
    if (state.strategy !== null) {
      const action = state.strategy.evaluate(bar, this.ledger.quantity(bar.symbol) > 0 ? HOLDING : FLAT);
      if (action !== 'hold') this.decide(state, bar, state.strategy.describe());
    }
  }

  /** Live: fills open orders of the price's symbol on it (never on a stale price) and marks the position. */
  onPrice(tick: LivePrice): PriceResult {
    const refused = livePriceRefusal(tick, this.maxPriceAgeMs);
    if (refused) return { refused, fills: 0 };
    const state = this.state(tick.symbol);
    const before = this.counters.fill;
    for (const order of [...state.orders]) {
      if (tick.time < order.createdAt || !isOpenOrder(order)) continue;
      const range = liveRange(tick, order.side);
      this.evaluate(order, range, tick.time, this.day?.date ?? null);
    }
    this.prune(state);
    const price = referencePrice(tick) as number;
    state.lastPrice = price;
    this.ledger.mark(tick.symbol, price);
    return { refused: null, fills: this.counters.fill - before };
  }

  /** A manual order: validated, checked by risk at `time`, then accepted (it fills on later bars or prices) or rejected. */
  submitOrder(request: OrderRequest, time: number): SubmitResult {
    const validation = validateOrderRequest(request);
    if (!validation.ok) {
      return { ok: false, code: validation.issues[0].code, message: validation.issues.map((i) => i.message).join('; '), issues: validation.issues };
    }
    const valid = validation.request;
    const state = this.state(valid.symbol);
    const reference = valid.type === 'limit' ? valid.limitPrice : (state.lastPrice ?? undefined);
    if (reference === undefined) return { ok: false, code: 'NO_PRICE', message: `no price is known for ${valid.symbol} yet` };
    const bracketProblem = this.bracketProblem(valid, reference);
    if (bracketProblem) return { ok: false, code: 'INVALID_BRACKET', message: bracketProblem, referencePrice: reference };
    const order = createOrder(valid, this.origin(time, 'manual', valid.side === 'buy' ? 'entry' : 'exit'));
    const estimate = valid.side === 'buy' && valid.limitPrice !== undefined ? valid.limitPrice : slip(reference, valid.side, this.config.slippageBps);
    const quantity = valid.quantity ?? (valid.notional as number) / estimate;
    const rejection = valid.side === 'sell' ? this.sellProblem(valid.symbol, quantity) : null;
    const risk = rejection ?? preTradeCheck(this.preTrade(valid.symbol, valid.side, quantity, estimate, isOpen(time)), this.config.risk);
    if (risk) {
      transitionOrder(order, 'rejected', `${risk.code}: ${risk.message}`, time);
      this.emitOrder(order);
      return { ok: false, code: risk.code, message: risk.message, rejection: risk, order: copyOrder(order) };
    }
    this.accept(order, reference, time);
    return { ok: true, order: copyOrder(order) };
  }

  cancelOrder(id: string, time: number, reason = 'canceled by request'): CancelResult {
    const order = this.openOrders.get(id);
    if (!order) return { ok: false, code: 'ORDER_NOT_FOUND', message: `no open order ${id}` };
    this.close(order, 'canceled', reason, time);
    this.prune(this.state(order.symbol));
    return { ok: true, order: copyOrder(order) };
  }

  /** Everything that happened since the previous call; closes the current bar time with an equity point. */
  takeOutput(): EngineOutput {
    if (this.time !== null && (this.lastEquityTime === null || this.time > this.lastEquityTime)) this.closeStep();
    const output = this.output;
    for (const order of this.changed.values()) output.orders.push(copyOrder(order));
    this.changed.clear();
    this.output = emptyOutput();
    return output;
  }

  portfolio(): PortfolioView {
    const equity = this.ledger.equity();
    return {
      time: this.time,
      cash: this.ledger.cashAsNumber,
      equity,
      realizedPnl: this.ledger.realizedPnl.toNumber(),
      unrealizedPnl: this.ledger.unrealizedPnl().toNumber(),
      dayPnl: this.guard.dayPnl(equity),
      dailyLossBreached: this.guard.breached,
      positions: this.ledger.positions(),
    };
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
    return [...this.openOrders.values()].map(copyOrder);
  }

  snapshot(): EngineSnapshot {
    return {
      version: 1,
      time: this.time,
      day: this.day,
      counters: { ...this.counters },
      ledger: this.ledger.state(),
      marks: this.ledger.markedPrices(),
      openOrders: this.orders(),
      openTrips: this.openRoundTrips(),
      dailyLoss: this.guard.current,
      lastEquityTime: this.lastEquityTime,
    };
  }

  private advance(time: number): void {
    if (this.time !== null && (this.lastEquityTime === null || this.time > this.lastEquityTime)) this.closeStep();
    if (this.day === null || time >= this.day.end) {
      const day = tradingDayOf(time);
      this.expireDayOrders(day.date, time);
      this.guard.startSession(day.date, this.ledger.equity());
      this.day = day;
      this.daySession = undefined;
    }
    this.time = time;
  }

  /** The bar time is complete: record equity, then enforce the daily loss limit on it. */
  private closeStep(): void {
    const time = this.time as number;
    const equity = this.ledger.equity();
    this.output.equity.push({ time, equity });
    this.lastEquityTime = time;
    if (!this.guard.update(equity, this.config.risk)) return;
    const breach = this.guard.breach(equity, this.config.risk) as { limit: number; loss: number };
    this.output.alerts.push({ time, code: 'DAILY_LOSS_LIMIT_BREACHED', message: 'daily loss limit breached: no new entries until the next session', ...breach });
    if (this.config.risk?.flattenOnDailyLossLimit) this.flatten(time);
  }

  private flatten(time: number): void {
    for (const symbol of this.ledger.symbols()) {
      const state = this.state(symbol);
      if (state.orders.some((o) => o.role === 'exit')) continue;
      this.accept(createOrder(engineRequest(symbol, 'sell', 'market', this.ledger.quantity(symbol)), this.origin(time, 'risk', 'exit')), state.lastPrice ?? 0, time);
    }
  }

  private expireDayOrders(date: string, time: number): void {
    for (const order of [...this.openOrders.values()]) {
      if (order.timeInForce === 'day' && order.sessionDate !== null && order.sessionDate < date) {
        this.close(order, 'expired', `day order: session ${order.sessionDate} is over`, time);
        this.prune(this.state(order.symbol));
      }
    }
  }

  private fillOnBar(state: SymbolState, bar: Bar): void {
    const range: PriceRange = { open: bar.open, high: bar.high, low: bar.low, clamp: true };
    const date = (this.day as TradingDay).date;
    // Market orders trade at the open, before anything the bar's range can trigger. Orders placed
    // while this bar is processed (bracket children) are past the count and wait for the next bar.
    const count = state.orders.length;
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < count; i++) {
        const order = state.orders[i];
        if ((order.type === 'market') === (pass === 0) && order.createdAt < bar.time && isOpenOrder(order)) this.evaluate(order, range, bar.time, date);
      }
    }
    this.prune(state);
  }

  private evaluate(order: Order, range: PriceRange, time: number, date: string | null): void {
    if (order.sessionDate === null) order.sessionDate = date;
    const price = fillPrice(order, range, this.config.slippageBps);
    if (price !== null) {
      this.execute(order, price, time);
      return;
    }
    updateTrailAnchor(order, range);
    if (order.timeInForce === 'ioc') this.close(order, 'canceled', 'ioc: not filled on its first evaluation', time);
  }

  private execute(order: Order, price: number, time: number): void {
    const cost = this.fillCost(order, price);
    if (cost === null) {
      if (order.side === 'sell') this.close(order, 'canceled', 'no position left to sell', time);
      else this.close(order, 'rejected', 'INSUFFICIENT_CASH: the cash does not buy a single quantity step', time);
      return;
    }
    const { quantity, notional } = cost;
    const commission = cost.fees.total.toNumber();
    const fill: Fill = { id: `${this.prefix}F${this.counters.fill + 1}`, orderId: order.id, symbol: order.symbol, side: order.side, quantity, price, commission, time };
    try {
      this.ledger.applyFill(fill, notional);
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      this.close(order, 'rejected', `${error.code}: ${error.message}`, time);
      return;
    }
    this.counters.fill++;
    this.output.fills.push(fill);
    const trip = this.trips.add(fill, notional);
    if (trip) this.output.roundTrips.push(trip);
    recordOrderFill(order, quantity, price, time);
    this.emitOrder(order);
    this.afterFill(order, price, time);
  }

  /**
   * What this fill trades and costs, or null when it trades nothing: sells never exceed the position;
   * a notional buy spends at most its notional and the cash.
   */
  private fillCost(order: Order, price: number): FillCost | null {
    const remaining = remainingQuantity(order);
    // No remaining quantity means a notional order before its first fill, which fixes its quantity.
    if (order.side === 'buy' && remaining === null) return affordableBuy(order.notional as number, this.ledger.exactCash, price, this.config.fees, this.ledger.cashAsNumber);
    const held = this.ledger.quantity(order.symbol);
    const quantity = order.side === 'sell' ? Math.min(remaining ?? floorQuantity(dec(order.notional as number).div(price)).toNumber(), held) : (remaining as number);
    return quantity > 0 ? fillCost(this.config.fees, order.side, quantity, price, order.filledQuantity === 0) : null;
  }

  private afterFill(order: Order, price: number, time: number): void {
    const symbol = order.symbol;
    if (order.status === 'filled' && order.side === 'buy') this.attachChildren(order, price, time);
    if (order.ocoGroup !== null) {
      for (const sibling of this.openOrders.values()) {
        if (sibling.ocoGroup === order.ocoGroup && sibling.id !== order.id) this.close(sibling, 'canceled', `oco: ${order.id} filled`, time);
      }
    }
    if (order.side === 'sell' && this.ledger.quantity(symbol) === 0) {
      for (const other of this.state(symbol).orders) {
        if (other.side === 'sell' && isOpenOrder(other)) this.close(other, 'canceled', 'position closed', time);
      }
    }
  }

  /** Stop-loss and take-profit sells (one-cancels-other) for a filled entry: its own prices, else the risk defaults. */
  private attachChildren(entry: Order, price: number, time: number): void {
    const risk = this.config.risk;
    const stopLoss = entry.stopLoss ?? (risk?.defaultStopLossPct != null ? price * (1 - risk.defaultStopLossPct / 100) : null);
    const takeProfit = entry.takeProfit ?? (risk?.defaultTakeProfitPct != null ? price * (1 + risk.defaultTakeProfitPct / 100) : null);
    const quantity = entry.filledQuantity;
    if (stopLoss !== null) {
      this.accept(createOrder(engineRequest(entry.symbol, 'sell', 'stop', quantity, undefined, undefined, stopLoss), this.origin(time, 'risk', 'stop_loss', entry.id)), price, time);
    }
    if (takeProfit !== null) {
      this.accept(createOrder(engineRequest(entry.symbol, 'sell', 'limit', quantity, undefined, takeProfit), this.origin(time, 'risk', 'take_profit', entry.id)), price, time);
    }
  }

  private decide(state: SymbolState, bar: Bar, signal: StrategySignal): void {
    const side: OrderSide = signal.action === 'enter' ? 'buy' : 'sell';
    for (const order of state.orders) {
      if (order.side === side && order.source === 'strategy') {
        this.record(state, bar, signal, 'none', null, `a strategy ${side} order is already open`, null);
        return;
      }
    }
    const marketOpen = isDailyBarTime(bar.time) ? null : this.isMarketOpen(bar.time);
    const estimate = slip(bar.close, side, this.config.slippageBps);
    let request: ValidOrderRequest;
    let quantity: number;
    if (side === 'sell') {
      quantity = this.ledger.quantity(state.symbol);
      request = engineRequest(state.symbol, side, 'market', quantity);
    } else {
      const available = this.availableCash();
      const notional = entryNotional(this.config.sizing, this.ledger.equity(), available, (this.config.risk ?? DEFAULT_RISK_CONFIG).maxPositionPct);
      quantity = notional === null ? (this.config.sizing as { quantity: number }).quantity : Math.floor(affordableSteps(notional, available, estimate, this.config.fees)) * QUANTITY_STEP;
      request = notional === null ? engineRequest(state.symbol, side, 'market', quantity) : engineRequest(state.symbol, side, 'market', undefined, notional);
    }
    const rejection = preTradeCheck(this.preTrade(state.symbol, side, quantity, estimate, marketOpen), this.config.risk);
    if (rejection) {
      this.record(state, bar, signal, 'rejected', rejection.code, rejection.message, null);
      return;
    }
    const order = createOrder(request, this.origin(bar.time, 'strategy', side === 'buy' ? 'entry' : 'exit'));
    this.accept(order, bar.close, bar.time);
    this.record(state, bar, signal, 'approved', null, null, order.id);
  }

  private record(state: SymbolState, bar: Bar, signal: StrategySignal, riskOutcome: DecisionRecord['riskOutcome'], riskCode: string | null, riskReason: string | null, orderId: string | null): void {
    this.output.decisions.push({
      id: `${this.prefix}D${++this.counters.decision}`,
      time: bar.time,
      symbol: state.symbol,
      strategy: state.strategyName as string,
      action: signal.action as 'enter' | 'exit',
      reason: signal.reason,
      indicators: signal.indicators,
      riskOutcome,
      riskCode,
      riskReason,
      orderId,
    });
  }


  /** isOpen(time) for a time of the current trading day, with the day's session looked up once. */
  private isMarketOpen(time: number): boolean {
    if (this.daySession === undefined) this.daySession = session((this.day as TradingDay).date);
    const today = this.daySession;
    return today !== null && time >= today.open && time < today.close;
  }

  private preTrade(symbol: string, side: OrderSide, quantity: number, price: number, marketOpen: boolean | null): PreTradeContext {
    const hours = this.config.risk?.enforceMarketHours ? marketOpen : null;
    // Sells face only the market-hours rule: skip gathering what the buy rules look at.
    if (side === 'sell') return { symbol, side, quantity, price, fees: 0, equity: 0, availableCash: 0, exposureQuantity: 0, otherOpenPositions: 0, dailyLoss: null, marketOpen: hours };
    const equity = this.ledger.equity();
    let pendingBuys = 0;
    const entrySymbols = new Set(this.ledger.symbols());
    for (const order of this.openOrders.values()) {
      if (order.side !== 'buy') continue;
      entrySymbols.add(order.symbol);
      if (order.symbol === symbol) pendingBuys += remainingQuantity(order) ?? (order.notional as number) / price;
    }
    entrySymbols.delete(symbol);
    return {
      symbol,
      side,
      quantity,
      price,
      fees: exactFees(this.config.fees, side, quantity, price).total.toNumber(),
      equity,
      availableCash: this.availableCash(),
      exposureQuantity: this.ledger.quantity(symbol) + pendingBuys,
      otherOpenPositions: entrySymbols.size,
      dailyLoss: this.guard.breach(equity, this.config.risk),
      marketOpen: hours,
    };
  }

  /** Cash minus what open buy orders are expected to spend (at their last price with slippage and fees). */
  private availableCash(): number {
    let reserved = 0;
    for (const order of this.openOrders.values()) {
      if (order.side !== 'buy') continue;
      const price = slip(order.limitPrice ?? this.state(order.symbol).lastPrice ?? 0, 'buy', this.config.slippageBps);
      const remaining = remainingQuantity(order);
      reserved += remaining === null ? (order.notional as number) : remaining * price + exactFees(this.config.fees, 'buy', remaining, price).total.toNumber();
    }
    return this.ledger.cashAsNumber - reserved;
  }

  private sellProblem(symbol: string, quantity: number): RiskRejection | null {
    let committed = 0;
    for (const order of this.state(symbol).orders) {
      if (order.side === 'sell' && order.parentId === null) committed += remainingQuantity(order) ?? 0;
    }
    const held = this.ledger.quantity(symbol);
    if (quantity <= held - committed + 1e-9) return null;
    return { code: 'NO_SHORT_POSITIONS', limit: Math.max(0, held - committed), requested: quantity, message: `selling ${quantity} ${symbol} exceeds the ${held - committed} held and not already being sold (no short selling)` };
  }

  private bracketProblem(request: ValidOrderRequest, reference: number): string | null {
    if (request.stopLoss !== undefined && request.stopLoss >= reference) return `stopLoss ${request.stopLoss} must be below the current price ${reference}`;
    if (request.takeProfit !== undefined && request.takeProfit <= reference) return `takeProfit ${request.takeProfit} must be above the current price ${reference}`;
    return null;
  }

  private origin(time: number, source: OrderOrigin['source'], role: OrderOrigin['role'], parentId?: string): OrderOrigin {
    return { id: `${this.prefix}O${++this.counters.order}`, time, source, role, parentId, ocoGroup: parentId };
  }

  private accept(order: Order, referencePrice: number, time: number): void {
    transitionOrder(order, 'accepted', order.source === 'risk' ? 'placed by the risk manager' : 'passed the pre-trade checks', time);
    if (order.type === 'trailing_stop') order.trailAnchor = referencePrice;
    this.openOrders.set(order.id, order);
    this.state(order.symbol).orders.push(order);
    this.emitOrder(order);
  }

  private close(order: Order, status: 'canceled' | 'rejected' | 'expired', reason: string, time: number): void {
    transitionOrder(order, status, reason, time);
    this.emitOrder(order);
  }

  private prune(state: SymbolState): void {
    if (state.orders.every(isOpenOrder)) return;
    state.orders = state.orders.filter((order) => {
      if (isOpenOrder(order)) return true;
      this.openOrders.delete(order.id);
      return false;
    });
  }

  private emitOrder(order: Order): void {
    this.changed.set(order.id, order);
  }
}
