import { orderUuid, type OrderEntity } from '@ptp/api/persistence';
import type { Order as DomainOrder, OrderStatus } from '@ptp/domain';
import { assetUuid, rfc3339, rfc3339OrNull } from '../shared/alpaca-values';

/** An order as Alpaca's Trading API v2 returns it. */
export interface AlpacaOrder {
  readonly id: string;
  readonly client_order_id: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly submitted_at: string;
  readonly filled_at: string | null;
  readonly expired_at: string | null;
  readonly canceled_at: string | null;
  readonly failed_at: string | null;
  readonly replaced_at: string | null;
  readonly replaced_by: string | null;
  readonly replaces: string | null;
  readonly asset_id: string;
  readonly symbol: string;
  readonly asset_class: 'us_equity';
  readonly notional: string | null;
  readonly qty: string | null;
  readonly filled_qty: string;
  readonly filled_avg_price: string | null;
  readonly order_class: 'simple' | 'bracket' | 'oco' | 'oto';
  readonly order_type: string;
  readonly type: string;
  readonly side: string;
  readonly position_intent: string;
  readonly time_in_force: string;
  readonly limit_price: string | null;
  readonly stop_price: string | null;
  readonly status: string;
  readonly extended_hours: false;
  readonly legs: AlpacaOrder[] | null;
  readonly trail_percent: string | null;
  readonly trail_price: string | null;
  readonly hwm: string | null;
  readonly subtag: null;
  readonly source: null;
  readonly expires_at: null;
}

/** Our statuses in Alpaca's words: a working order is `new`, one canceled for another `replaced`. */
export function alpacaStatus(status: OrderStatus, replacedBy: string | null): string {
  if (status === 'canceled' && replacedBy !== null) return 'replaced';
  if (status === 'accepted') return 'new';
  return status;
}

/** Our order statuses that each Alpaca `status=` filter of GET /v2/orders means. */
export const OPEN_STATUSES: readonly OrderStatus[] = ['new', 'accepted', 'partially_filled'];
export const CLOSED_STATUSES: readonly OrderStatus[] = [
  'filled',
  'canceled',
  'rejected',
  'expired',
];

function transitionTime(order: DomainOrder, status: OrderStatus): number | null {
  const found = [...order.transitions].reverse().find((t) => t.status === status);
  return found ? found.time : null;
}

/** A sell with a stop-loss is the limit order of an OCO pair; a buy with exits an entry. */
function orderClass(order: DomainOrder): AlpacaOrder['order_class'] {
  if (order.side === 'sell' && order.stopLoss !== null) return 'oco';
  if (order.takeProfit !== null && order.stopLoss !== null) return 'bracket';
  return order.takeProfit !== null || order.stopLoss !== null ? 'oto' : 'simple';
}

/** `qty` of an order: its shares; a notional order has none until its fill fixes them. */
function quantity(row: OrderEntity): string | null {
  return row.notional !== null && row.status !== 'filled' ? null : row.quantity;
}

/** An order row (and the rows of its attached legs) in Alpaca's shape. */
export function toAlpacaOrder(row: OrderEntity, legs: readonly OrderEntity[] | null): AlpacaOrder {
  const order = JSON.parse(row.state) as DomainOrder;
  const status = order.status;
  const replacedAt = row.replacedBy === null ? null : transitionTime(order, 'canceled');
  const uuid = row.uuid ?? orderUuid(row.accountId, row.id);
  return {
    id: uuid,
    client_order_id: row.clientOrderId ?? uuid,
    created_at: rfc3339(row.createdAt),
    updated_at: rfc3339(row.updatedAt),
    submitted_at: rfc3339(row.createdAt),
    filled_at: rfc3339OrNull(transitionTime(order, 'filled')),
    expired_at: rfc3339OrNull(transitionTime(order, 'expired')),
    canceled_at: replacedAt === null ? rfc3339OrNull(transitionTime(order, 'canceled')) : null,
    failed_at: rfc3339OrNull(transitionTime(order, 'rejected')),
    replaced_at: rfc3339OrNull(replacedAt),
    replaced_by: row.replacedBy === null ? null : orderUuid(row.accountId, row.replacedBy),
    replaces: row.replaces === null ? null : orderUuid(row.accountId, row.replaces),
    asset_id: assetUuid(row.symbol),
    symbol: row.symbol,
    asset_class: 'us_equity',
    notional: row.notional,
    qty: quantity(row),
    filled_qty: row.filledQuantity,
    filled_avg_price: row.avgFillPrice,
    order_class: orderClass(order),
    order_type: order.type,
    type: order.type,
    side: row.side,
    position_intent: row.side === 'buy' ? 'buy_to_open' : 'sell_to_close',
    time_in_force: order.timeInForce,
    limit_price: row.limitPrice,
    stop_price: row.stopPrice,
    status: alpacaStatus(status, row.replacedBy),
    extended_hours: false,
    legs: legs === null ? null : legs.map((leg) => toAlpacaOrder(leg, null)),
    trail_percent: row.trailPercent,
    trail_price: row.trailAmount,
    hwm: order.trailAnchor === null ? null : String(order.trailAnchor),
    subtag: null,
    source: null,
    expires_at: null,
  };
}
