import {
  orderUuid,
  type DecisionEntity,
  type OrderEntity,
  type PaperTradeEntity,
} from '@ptp/api/persistence';
import type { Order as OrderView } from '@ptp/contracts';
import type { DecisionRecord, Fill, Order } from '@ptp/domain';

const text = (value: number | null): string | null => (value === null ? null : String(value));
const iso = (time: number) => new Date(time).toISOString();

/**
 * An order row as the engine's output gives it. The client's order id, request hash and replacement
 * links are not part of it: they are set once, and upserting these rows must never clear them.
 */
export type OrderRow = Omit<
  OrderEntity,
  'clientOrderId' | 'requestHash' | 'replaces' | 'replacedBy'
>;

/** An engine order as its `orders` row; `state` keeps the whole domain order so a restart restores it exactly. */
export function orderRow(order: Order, accountId: string, sessionId: string | null): OrderRow {
  return {
    ...orderColumns(order, accountId, sessionId),
    uuid: orderUuid(accountId, order.id),
    state: JSON.stringify(order),
  };
}

/** The columns of an order's row that the REST view shows. */
function orderColumns(
  order: Order,
  accountId: string,
  sessionId: string | null,
): Omit<OrderRow, 'uuid' | 'state'> {
  return {
    id: order.id,
    accountId,
    sessionId,
    parentId: order.parentId,
    ocoGroup: order.ocoGroup,
    source: order.source,
    symbol: order.symbol,
    side: order.side,
    type: order.type,
    timeInForce: order.timeInForce,
    quantity: text(order.quantity),
    notional: text(order.notional),
    limitPrice: text(order.limitPrice),
    stopPrice: text(order.stopPrice),
    trailPercent: text(order.trailPercent),
    trailAmount: text(order.trailAmount),
    status: order.status,
    filledQuantity: String(order.filledQuantity),
    avgFillPrice: text(order.averageFillPrice),
    reason: order.reason,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}

type ViewedColumns = Omit<
  OrderEntity,
  'uuid' | 'state' | 'requestHash' | 'replaces' | 'replacedBy'
>;

/** The REST view of an order's columns and its domain order (its `state`). */
function orderView(row: ViewedColumns, order: Order): OrderView {
  return {
    id: row.id,
    accountId: row.accountId,
    sessionId: row.sessionId,
    parentId: row.parentId,
    ocoGroup: row.ocoGroup,
    source: row.source,
    symbol: row.symbol,
    side: row.side,
    type: order.type,
    timeInForce: order.timeInForce,
    status: order.status,
    quantity: row.quantity,
    notional: row.notional,
    filledQuantity: row.filledQuantity,
    avgFillPrice: row.avgFillPrice,
    limitPrice: row.limitPrice,
    stopPrice: row.stopPrice,
    trailPercent: row.trailPercent,
    trailAmount: row.trailAmount,
    takeProfit: text(order.takeProfit),
    stopLoss: text(order.stopLoss),
    ...(order.stopLossLimit !== undefined && { stopLossLimit: String(order.stopLossLimit) }),
    reason: row.reason,
    clientOrderId: row.clientOrderId,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    transitions: order.transitions.map((t) => ({
      status: t.status,
      time: iso(t.time),
      reason: t.reason,
    })),
  };
}

/** The REST view of an order row. */
export function toOrderView(row: OrderEntity): OrderView {
  return orderView(row, JSON.parse(row.state) as Order);
}

/**
 * The REST view of a manual order this process just committed, from the engine's order: the same
 * columns its row was written with (`orderRow`), without a read or a JSON round trip.
 */
export function committedOrderView(
  order: Order,
  accountId: string,
  clientOrderId: string | null,
): OrderView {
  return orderView({ ...orderColumns(order, accountId, null), clientOrderId }, order);
}

export function fillRow(
  fill: Fill,
  accountId: string,
  sessionId: string | null,
  realizedPnl: string,
): PaperTradeEntity {
  return {
    id: fill.id,
    accountId,
    orderId: fill.orderId,
    sessionId,
    symbol: fill.symbol,
    side: fill.side,
    quantity: String(fill.quantity),
    price: String(fill.price),
    commission: String(fill.commission),
    realizedPnl,
    executedAt: fill.time,
  };
}

export function decisionRow(
  decision: DecisionRecord,
  accountId: string,
  sessionId: string | null,
): Omit<DecisionEntity, 'id'> {
  return {
    accountId,
    sessionId,
    time: decision.time,
    symbol: decision.symbol,
    strategy: decision.strategy,
    action: decision.action,
    reason: decision.reason,
    indicators: JSON.stringify(decision.indicators),
    riskOutcome: decision.riskOutcome,
    riskCode: decision.riskCode,
    riskReason: decision.riskReason,
    orderId: decision.orderId,
  };
}
