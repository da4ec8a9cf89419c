import { transitionOrder } from '../orders/order-state';
import { isOpenOrder, type Order } from '../orders/order-types';
import type { OrderOrigin } from '../orders/order-factory';
import type { Strategy } from '../strategies/strategy';
import type { EngineIds } from './engine-ids';

/** A symbol's strategy under the name it was assigned by. */
export interface AssignedStrategy {
  readonly name: string;
  readonly rules: Strategy;
}

export class SymbolState {
  /** Open orders of this symbol in creation order. */
  orders: Order[] = [];
  lastBarTime = Number.NEGATIVE_INFINITY;
  // A double and a flag rather than `number | null`: a fresh double stored into a field that also
  // holds null is boxed, an allocation on every bar.
  private price = 0;
  private priced = false;

  constructor(
    readonly symbol: string,
    readonly strategy: AssignedStrategy | null,
  ) {}

  get lastPrice(): number | null {
    return this.priced ? this.price : null;
  }

  set lastPrice(price: number | null) {
    this.priced = price !== null;
    this.price = price ?? 0;
  }
}

/**
 * Orders leave the engine as copies: callers may keep them without seeing (or causing) later
 * changes.
 */
export function copyOrder(order: Order): Order {
  return { ...order, transitions: [...order.transitions] };
}

/**
 * The open orders, by id and per symbol (with each symbol's last bar time and price), the orders
 * changed since the last output, and the numbering of new orders.
 */
export class OrderBook {
  private readonly symbols = new Map<string, SymbolState>();
  private readonly open = new Map<string, Order>();
  /** Orders changed since the last takeOutput(), copied only then. */
  private readonly changed = new Map<string, Order>();

  constructor(private readonly ids: EngineIds) {}

  assign(symbol: string, strategy: AssignedStrategy): void {
    this.symbols.set(symbol, new SymbolState(symbol, strategy));
  }

  state(symbol: string): SymbolState {
    let state = this.symbols.get(symbol);
    if (!state) {
      state = new SymbolState(symbol, null);
      this.symbols.set(symbol, state);
    }
    return state;
  }

  get(id: string): Order | undefined {
    return this.open.get(id);
  }

  openOrders(): IterableIterator<Order> {
    return this.open.values();
  }

  get openCount(): number {
    return this.open.size;
  }

  /** Restores open orders from a snapshot. */
  load(orders: readonly Order[]): void {
    for (const saved of orders) {
      const order = copyOrder(saved);
      this.open.set(order.id, order);
      this.state(order.symbol).orders.push(order);
    }
  }

  origin(
    time: number,
    source: OrderOrigin['source'],
    role: OrderOrigin['role'],
    parentId?: string,
  ): OrderOrigin {
    return { id: this.ids.nextOrder(), time, source, role, parentId, ocoGroup: parentId };
  }

  accept(order: Order, referencePrice: number, time: number): void {
    const reason =
      order.source === 'risk' ? 'placed by the risk manager' : 'passed the pre-trade checks';
    transitionOrder(order, 'accepted', reason, time);
    if (order.type === 'trailing_stop') order.trailAnchor = referencePrice;
    this.open.set(order.id, order);
    this.state(order.symbol).orders.push(order);
    this.emit(order);
  }

  close(
    order: Order,
    status: 'canceled' | 'rejected' | 'expired',
    reason: string,
    time: number,
  ): void {
    transitionOrder(order, status, reason, time);
    this.emit(order);
  }

  /** Drops the symbol's orders that are no longer open. */
  prune(state: SymbolState): void {
    if (state.orders.every(isOpenOrder)) return;
    state.orders = state.orders.filter((order) => {
      if (isOpenOrder(order)) return true;
      this.open.delete(order.id);
      return false;
    });
  }

  emit(order: Order): void {
    this.changed.set(order.id, order);
  }

  takeChanged(): Order[] {
    const orders = [...this.changed.values()].map(copyOrder);
    this.changed.clear();
    return orders;
  }

  copies(): Order[] {
    return [...this.open.values()].map(copyOrder);
  }
}
