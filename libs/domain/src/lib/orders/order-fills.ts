import { dec } from '../money/decimal';
import { transitionOrder } from './order-state';
import type { Order } from './order-types';

/** Shares still to fill; null for a notional order that has not filled yet. */
export function remainingQuantity(order: Order): number | null {
  if (order.quantity === null) return null;
  return order.filledQuantity === 0
    ? order.quantity
    : dec(order.quantity).minus(order.filledQuantity).toNumber();
}

/** The dollars of a notional order whose first fill has not fixed its quantity yet, else null. */
export function pendingNotional(order: Order): number | null {
  return order.notional !== null && order.quantity === null ? order.notional : null;
}

/**
 * Records one execution on the order: the filled quantity, the volume-weighted average price and
 * the move to partially_filled or filled (the fill itself carries the quantity and price). A
 * notional order's quantity is fixed by its first fill.
 */
export function recordOrderFill(order: Order, quantity: number, price: number, time: number): void {
  if (order.filledQuantity === 0 && (order.quantity === null || order.quantity === quantity)) {
    order.quantity = quantity;
    order.filledQuantity = quantity;
    order.averageFillPrice = price;
    transitionOrder(order, 'filled', 'filled', time);
    return;
  }
  const before = dec(order.filledQuantity);
  const filled = before.plus(quantity);
  const average =
    order.averageFillPrice === null
      ? dec(price)
      : before.mul(order.averageFillPrice).plus(dec(quantity).mul(price)).div(filled);
  if (order.quantity === null) order.quantity = filled.toNumber();
  order.filledQuantity = filled.toNumber();
  order.averageFillPrice = average.toNumber();
  const complete = filled.gte(order.quantity);
  transitionOrder(
    order,
    complete ? 'filled' : 'partially_filled',
    complete ? 'filled' : 'partially filled',
    time,
  );
}
