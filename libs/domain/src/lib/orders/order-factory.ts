import type { ValidOrderRequest } from './order-validation';
import type { Order, OrderRole, OrderSource } from './order-types';

export interface OrderOrigin {
  readonly id: string;
  readonly time: number;
  readonly source: OrderSource;
  readonly role: OrderRole;
  readonly parentId?: string;
  readonly ocoGroup?: string;
}

/**
 * A fresh order in state `new` from a validated request. Validation is what guarantees that the
 * type and the price fields agree and that exactly one of quantity and notional is given, so the
 * literal (built in the key order persisted orders have) is asserted to be an Order once, here.
 */
export function createOrder(request: ValidOrderRequest, origin: OrderOrigin): Order {
  const order = {
    id: origin.id,
    symbol: request.symbol,
    side: request.side,
    type: request.type,
    timeInForce: request.timeInForce,
    source: origin.source,
    role: origin.role,
    quantity: request.quantity ?? null,
    notional: request.notional ?? null,
    limitPrice: request.limitPrice ?? null,
    stopPrice: request.stopPrice ?? null,
    trailPercent: request.trailPercent ?? null,
    trailAmount: request.trailAmount ?? null,
    takeProfit: request.takeProfit ?? null,
    stopLoss: request.stopLoss ?? null,
    ...(request.stopLossLimit !== undefined && { stopLossLimit: request.stopLossLimit }),
    parentId: origin.parentId ?? null,
    ocoGroup: origin.ocoGroup ?? null,
    status: 'new',
    filledQuantity: 0,
    averageFillPrice: null,
    triggered: false,
    trailAnchor: null,
    sessionDate: null,
    createdAt: origin.time,
    updatedAt: origin.time,
    reason: null,
    transitions: [{ status: 'new', time: origin.time, reason: `created by ${origin.source}` }],
  };
  return order as Order;
}
