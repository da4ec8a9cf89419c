import { fillCost, type FillCost } from '../execution/fill-cost';
import { fillPrice, updateTrailAnchor, type PriceRange } from '../execution/fill-price';
import { liveRange, type LivePrice } from '../execution/live-price';
import type { Fill } from '../ledger/fill';
import type { Ledger } from '../ledger/ledger';
import { LedgerError } from '../ledger/ledger-error';
import type { RoundTripTracker } from '../ledger/round-trips';
import type { Bar } from '../market/bar';
import { dec } from '../money/decimal';
import type { ExactDecimal } from '../money/exact-decimal';
import { floorQuantity } from '../money/rounding';
import { createOrder } from '../orders/order-factory';
import { pendingNotional, recordOrderFill, remainingQuantity } from '../orders/order-fills';
import { isOpenOrder, type Order } from '../orders/order-types';
import type { DayTradeCounter } from '../risk/day-trades';
import { affordableBuy } from '../risk/sizing';
import { DEFAULT_EXECUTION_CONFIG, type EngineConfig, type ExecutionConfig } from './engine-config';
import type { EngineIds } from './engine-ids';
import { engineRequest, stopLossPrices, type EngineOrderSpec } from './engine-request';
import type { OrderBook, SymbolState } from './order-book';
import type { OutputBuffer } from './output-buffer';
import { applyFillWithPnl, type PositionHistory } from './position-history';

/** A refused fill rejects an order, or cancels the rest of one that has partly filled. */
const refusedStatus = (order: Order): 'rejected' | 'canceled' =>
  order.status === 'partially_filled' ? 'canceled' : 'rejected';

/**
 * Fills open orders on bars and live prices: what a fill trades and costs, booking it, and what
 * follows a fill (bracket children, one-cancels-other, exits canceled once the position is closed).
 */
export class Execution {
  private readonly execution: ExecutionConfig;

  constructor(
    private readonly config: EngineConfig,
    private readonly ledger: Ledger,
    private readonly trips: RoundTripTracker,
    private readonly positions: PositionHistory,
    private readonly book: OrderBook,
    private readonly ids: EngineIds,
    private readonly output: OutputBuffer,
    private readonly dayTrades: DayTradeCounter,
  ) {
    this.execution = config.execution ?? DEFAULT_EXECUTION_CONFIG;
  }

  onBar(state: SymbolState, bar: Bar, date: string): void {
    const range: PriceRange = { open: bar.open, high: bar.high, low: bar.low, clamp: true };
    const capacity = this.capacity(bar.volume);
    // Market orders trade at the open, before anything the bar's range can trigger. Orders placed
    // while this bar is processed (bracket children) are past the count and wait for the next bar.
    const count = state.orders.length;
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < count; i++) {
        const order = state.orders[i];
        const due = (order.type === 'market') === (pass === 0) && order.createdAt < bar.time;
        if (due && isOpenOrder(order)) this.evaluate(order, range, bar.time, date, capacity);
      }
    }
    this.book.prune(state);
  }

  onPrice(state: SymbolState, tick: LivePrice, date: string | null): void {
    const capped = this.execution.maxVolumePct !== null;
    if (capped && tick.volume === undefined) return;
    const capacity = capped ? this.capacity(tick.volume as number) : null;
    for (const order of [...state.orders]) {
      if (tick.time < order.createdAt || !isOpenOrder(order)) continue;
      this.evaluate(order, liveRange(tick, order.side), tick.time, date, capacity);
    }
    this.book.prune(state);
  }

  /** Shares an order may fill out of `volume` under the cap; null without a cap. */
  private capacity(volume: number): number | null {
    const pct = this.execution.maxVolumePct;
    if (pct === null) return null;
    return floorQuantity(dec(volume).mul(pct).div(100)).toNumber();
  }

  private evaluate(
    order: Order,
    range: PriceRange,
    time: number,
    date: string | null,
    capacity: number | null,
  ): void {
    if (order.sessionDate === null) order.sessionDate = date;
    const { slippageBps } = this.config;
    const price =
      capacity === 0 ? null : fillPrice(order, range, slippageBps, this.execution.limitFillRule);
    if (price !== null) {
      this.execute(order, price, time, capacity);
      if (order.timeInForce === 'ioc' && isOpenOrder(order))
        this.book.close(order, 'canceled', 'ioc: the rest canceled after a partial fill', time);
      return;
    }
    updateTrailAnchor(order, range);
    if (order.timeInForce === 'ioc') {
      this.book.close(order, 'canceled', 'ioc: not filled on its first evaluation', time);
    }
  }

  private execute(order: Order, price: number, time: number, capacity: number | null): void {
    const sized = this.fillCost(order, price, capacity);
    const cost = sized?.cost ?? null;
    if (sized === null || cost === null) {
      if (order.side === 'sell')
        this.book.close(order, 'canceled', 'no position left to sell', time);
      else {
        const reason = 'INSUFFICIENT_CASH: the cash does not buy a single quantity step';
        this.book.close(order, refusedStatus(order), reason, time);
      }
      return;
    }
    const { quantity, notional } = cost;
    const commission = cost.fees.total.toNumber();
    // What the ledger and the round trips book: the fee as its number reads back.
    const fee = cost.fees.total.throughNumber(commission);
    const fill: Fill = {
      id: this.ids.nextFill(),
      orderId: order.id,
      symbol: order.symbol,
      side: order.side,
      quantity,
      price,
      commission,
      time,
    };
    let pnl: ExactDecimal;
    try {
      pnl = applyFillWithPnl(this.ledger, fill, notional, fee);
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      const reason = `${error.code}: ${error.message}`;
      this.book.close(order, refusedStatus(order), reason, time);
      return;
    }
    this.ids.fillBooked();
    this.output.fill(fill, pnl.toFixed());
    this.positions.record(fill, pnl, this.ledger.quantity(order.symbol) === 0);
    const trip = this.trips.add(fill, notional, fee);
    if (trip) this.output.roundTrip(trip);
    // A notional order capped on its first fill still wants the whole quantity its dollars buy.
    if (order.quantity === null && sized.wanted > quantity) order.quantity = sized.wanted;
    recordOrderFill(order, quantity, price, time);
    this.dayTrades.record(fill, isOpenOrder(order));
    this.book.emit(order);
    this.afterFill(order, fill, time);
  }

  /**
   * What this fill trades and costs (null when it trades nothing) and what the order wants in all:
   * sells never exceed the position; a notional buy spends at most its notional and the cash; no
   * fill exceeds the volume cap's `capacity`.
   */
  private fillCost(
    order: Order,
    price: number,
    capacity: number | null,
  ): { cost: FillCost | null; wanted: number } | null {
    const remaining = remainingQuantity(order);
    const first = order.filledQuantity === 0;
    // Only a notional order before its first fill has no remaining quantity: that fill fixes it.
    const notional = remaining === null ? pendingNotional(order) : null;
    const { fees } = this.config;
    if (order.side === 'buy' && notional !== null) {
      const { exactCash, cashAsNumber } = this.ledger;
      const cost = affordableBuy(notional, exactCash, price, fees, cashAsNumber);
      if (cost === null || capacity === null || cost.quantity <= capacity)
        return { cost, wanted: cost?.quantity ?? 0 };
      return { cost: fillCost(fees, 'buy', capacity, price, first), wanted: cost.quantity };
    }
    const held = this.ledger.quantity(order.symbol);
    const wanted = remaining ?? floorQuantity(dec(notional ?? 0).div(price)).toNumber();
    const allowed = order.side === 'sell' ? Math.min(wanted, held) : wanted;
    const quantity = capacity === null ? allowed : Math.min(allowed, capacity);
    if (!(quantity > 0)) return null;
    return { cost: fillCost(fees, order.side, quantity, price, first), wanted };
  }

  private afterFill(order: Order, fill: Fill, time: number): void {
    const symbol = order.symbol;
    if (order.side === 'buy') this.sizeChildren(order, fill, time);
    const flat = this.ledger.quantity(symbol) === 0;
    // A partial fill leaves the sibling working: only a complete one (or no shares left) cancels.
    if (order.ocoGroup !== null && (order.status === 'filled' || flat)) {
      for (const sibling of this.book.openOrders()) {
        if (sibling.ocoGroup === order.ocoGroup && sibling.id !== order.id) {
          this.book.close(sibling, 'canceled', `oco: ${order.id} filled`, time);
        }
      }
    }
    if (order.side === 'sell' && flat) {
      for (const other of this.book.state(symbol).orders) {
        if (other.side === 'sell' && isOpenOrder(other)) {
          this.book.close(other, 'canceled', 'position closed', time);
        }
      }
    }
  }

  /**
   * A bracket's exits cover what its entry filled: created on the first fill, grown by each later
   * one.
   */
  private sizeChildren(entry: Order, fill: Fill, time: number): void {
    if (entry.filledQuantity === fill.quantity) {
      this.attachChildren(entry, fill.price, time);
      return;
    }
    for (const child of this.book.state(entry.symbol).orders) {
      if (child.parentId !== entry.id || !isOpenOrder(child) || child.quantity === null) continue;
      child.quantity = dec(child.quantity).plus(fill.quantity).toNumber();
      this.book.emit(child);
    }
  }

  /**
   * Stop-loss and take-profit sells (one-cancels-other) for an entry's first fill: its own prices,
   * else the risk defaults. The stop-loss is a stop_limit only with the entry's own stop and limit.
   */
  private attachChildren(entry: Order, price: number, time: number): void {
    const risk = this.config.risk;
    const defaultStop = risk?.defaultStopLossPct;
    const defaultTake = risk?.defaultTakeProfitPct;
    const stopLoss =
      entry.stopLoss ?? (defaultStop != null ? price * (1 - defaultStop / 100) : null);
    const takeProfit =
      entry.takeProfit ?? (defaultTake != null ? price * (1 + defaultTake / 100) : null);
    if (stopLoss !== null) {
      const limit = entry.stopLoss === null ? undefined : entry.stopLossLimit;
      this.attach(entry, 'stop_loss', stopLossPrices(stopLoss, limit), price, time);
    }
    if (takeProfit !== null) {
      this.attach(entry, 'take_profit', { type: 'limit', limitPrice: takeProfit }, price, time);
    }
  }

  private attach(
    entry: Order,
    role: 'stop_loss' | 'take_profit',
    prices: Pick<EngineOrderSpec, 'type' | 'limitPrice' | 'stopPrice'>,
    price: number,
    time: number,
  ): void {
    const { symbol, filledQuantity: quantity } = entry;
    const request = engineRequest({ symbol, side: 'sell', quantity, ...prices });
    const origin = this.book.origin(time, 'risk', role, entry.id);
    this.book.accept(createOrder(request, origin), price, time);
  }
}
