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
import { affordableBuy } from '../risk/sizing';
import type { EngineConfig } from './engine-config';
import type { EngineIds } from './engine-ids';
import { engineRequest, type EngineOrderSpec } from './engine-request';
import type { OrderBook, SymbolState } from './order-book';
import type { OutputBuffer } from './output-buffer';
import { applyFillWithPnl, type PositionHistory } from './position-history';

/**
 * Fills open orders on bars and live prices: what a fill trades and costs, booking it, and what
 * follows a fill (bracket children, one-cancels-other, exits canceled once the position is closed).
 */
export class Execution {
  constructor(
    private readonly config: EngineConfig,
    private readonly ledger: Ledger,
    private readonly trips: RoundTripTracker,
    private readonly positions: PositionHistory,
    private readonly book: OrderBook,
    private readonly ids: EngineIds,
    private readonly output: OutputBuffer,
  ) {}

  onBar(state: SymbolState, bar: Bar, date: string): void {
    const range: PriceRange = { open: bar.open, high: bar.high, low: bar.low, clamp: true };
    // Market orders trade at the open, before anything the bar's range can trigger. Orders placed
    // while this bar is processed (bracket children) are past the count and wait for the next bar.
    const count = state.orders.length;
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < count; i++) {
        const order = state.orders[i];
        const due = (order.type === 'market') === (pass === 0) && order.createdAt < bar.time;
        if (due && isOpenOrder(order)) this.evaluate(order, range, bar.time, date);
      }
    }
    this.book.prune(state);
  }

  onPrice(state: SymbolState, tick: LivePrice, date: string | null): void {
    for (const order of [...state.orders]) {
      if (tick.time < order.createdAt || !isOpenOrder(order)) continue;
      this.evaluate(order, liveRange(tick, order.side), tick.time, date);
    }
    this.book.prune(state);
  }

  private evaluate(order: Order, range: PriceRange, time: number, date: string | null): void {
    if (order.sessionDate === null) order.sessionDate = date;
    const price = fillPrice(order, range, this.config.slippageBps);
    if (price !== null) {
      this.execute(order, price, time);
      return;
    }
    updateTrailAnchor(order, range);
    if (order.timeInForce === 'ioc') {
      this.book.close(order, 'canceled', 'ioc: not filled on its first evaluation', time);
    }
  }

  private execute(order: Order, price: number, time: number): void {
    const cost = this.fillCost(order, price);
    if (cost === null) {
      if (order.side === 'sell')
        this.book.close(order, 'canceled', 'no position left to sell', time);
      else {
        const reason = 'INSUFFICIENT_CASH: the cash does not buy a single quantity step';
        this.book.close(order, 'rejected', reason, time);
      }
      return;
    }
    const { quantity, notional } = cost;
    const fill: Fill = {
      id: this.ids.nextFill(),
      orderId: order.id,
      symbol: order.symbol,
      side: order.side,
      quantity,
      price,
      commission: cost.fees.total.toNumber(),
      time,
    };
    let pnl: ExactDecimal;
    try {
      pnl = applyFillWithPnl(this.ledger, fill, notional);
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      this.book.close(order, 'rejected', `${error.code}: ${error.message}`, time);
      return;
    }
    this.ids.fillBooked();
    this.output.fill(fill, pnl.toFixed());
    this.positions.record(fill, pnl, this.ledger.quantity(order.symbol) === 0);
    const trip = this.trips.add(fill, notional);
    if (trip) this.output.roundTrip(trip);
    recordOrderFill(order, quantity, price, time);
    this.book.emit(order);
    this.afterFill(order, price, time);
  }

  /**
   * What this fill trades and costs, or null when it trades nothing: sells never exceed the
   * position; a notional buy spends at most its notional and the cash.
   */
  private fillCost(order: Order, price: number): FillCost | null {
    const remaining = remainingQuantity(order);
    // Only a notional order before its first fill has no remaining quantity: that fill fixes it.
    const notional = remaining === null ? pendingNotional(order) : null;
    if (order.side === 'buy' && notional !== null) {
      const { exactCash, cashAsNumber } = this.ledger;
      return affordableBuy(notional, exactCash, price, this.config.fees, cashAsNumber);
    }
    const held = this.ledger.quantity(order.symbol);
    const wanted = remaining ?? floorQuantity(dec(notional ?? 0).div(price)).toNumber();
    const quantity = order.side === 'sell' ? Math.min(wanted, held) : wanted;
    if (!(quantity > 0)) return null;
    return fillCost(this.config.fees, order.side, quantity, price, order.filledQuantity === 0);
  }

  private afterFill(order: Order, price: number, time: number): void {
    const symbol = order.symbol;
    if (order.status === 'filled' && order.side === 'buy') this.attachChildren(order, price, time);
    if (order.ocoGroup !== null) {
      for (const sibling of this.book.openOrders()) {
        if (sibling.ocoGroup === order.ocoGroup && sibling.id !== order.id) {
          this.book.close(sibling, 'canceled', `oco: ${order.id} filled`, time);
        }
      }
    }
    if (order.side === 'sell' && this.ledger.quantity(symbol) === 0) {
      for (const other of this.book.state(symbol).orders) {
        if (other.side === 'sell' && isOpenOrder(other)) {
          this.book.close(other, 'canceled', 'position closed', time);
        }
      }
    }
  }

  /**
   * Stop-loss and take-profit sells (one-cancels-other) for a filled entry: its own prices, else
   * the risk defaults.
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
      this.attach(entry, 'stop_loss', { type: 'stop', stopPrice: stopLoss }, price, time);
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
