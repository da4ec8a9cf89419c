import type { Order, OrderStatus } from './order-types';

const LEGAL: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  new: ['accepted', 'rejected'],
  accepted: ['partially_filled', 'filled', 'canceled', 'rejected', 'expired'],
  partially_filled: ['partially_filled', 'filled', 'canceled', 'expired'],
  filled: [],
  canceled: [],
  rejected: [],
  expired: [],
};

export class IllegalOrderTransitionError extends Error {
  readonly code = 'ILLEGAL_ORDER_TRANSITION';
  constructor(
    readonly orderId: string,
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    super(`order ${orderId} cannot go from ${from} to ${to}`);
    this.name = 'IllegalOrderTransitionError';
  }
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return LEGAL[from].includes(to);
}

/**
 * Moves an order to `to`, recording when and why; throws IllegalOrderTransitionError for a move the
 * state machine forbids.
 */
export function transitionOrder(order: Order, to: OrderStatus, reason: string, time: number): void {
  if (!canTransition(order.status, to))
    throw new IllegalOrderTransitionError(order.id, order.status, to);
  order.status = to;
  order.updatedAt = time;
  order.reason = reason;
  order.transitions.push({ status: to, time, reason });
}
