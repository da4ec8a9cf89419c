/**
 * Orders over REST (POST/GET/DELETE /api/orders). Money, prices and quantities travel as decimal
 * strings in responses (the ledger is decimal); requests accept JSON numbers. Times are ISO-8601 UTC.
 */
import type {
  Order as DomainOrder,
  OrderRequest,
  OrderSide,
  OrderStatus,
  OrderTransition as DomainOrderTransition,
  OrderType,
  RiskRejection,
  TimeInForce,
} from '@ptp/domain';
import { everyMember, type WireStrings } from './wire';

export type { OrderSide, OrderSource, OrderStatus, OrderType, TimeInForce } from '@ptp/domain';

// Lists checked against the domain's unions rather than re-exported from @ptp/domain: a runtime
// import of the domain's barrel would pull the whole trading core into the web bundle.
export const ORDER_SIDES = everyMember<OrderSide>()(['buy', 'sell']);
export const ORDER_TYPES = everyMember<OrderType>()([
  'market',
  'limit',
  'stop',
  'stop_limit',
  'trailing_stop',
]);
/** day: expires at the session close; gtc: until cancelled; ioc: whatever does not fill at once is cancelled. */
export const TIME_IN_FORCE_VALUES = everyMember<TimeInForce>()(['day', 'gtc', 'ioc']);

/** The trading core's order state machine: new → accepted → partially_filled / filled / canceled / rejected / expired. */
export const ORDER_STATUSES = everyMember<OrderStatus>()([
  'new',
  'accepted',
  'partially_filled',
  'filled',
  'canceled',
  'rejected',
  'expired',
]);

/** `GET /api/orders?status=`: one status, `open` (new, accepted or partially filled) or `all` (default). */
export type OrderStatusFilter = OrderStatus | 'open' | 'all';
export const ORDER_STATUS_FILTERS: readonly OrderStatusFilter[] = [
  ...ORDER_STATUSES,
  'open',
  'all',
];

/** POST /api/orders: the trading core's order request (exactly one of `quantity` and `notional`). */
export interface PlaceOrderRequest extends OrderRequest {
  /** Account to trade on; the default account when omitted. */
  readonly accountId?: string;
  /**
   * The client's own id for the order, 1–128 of `A–Z a–z 0–9 . _ : -`, unique per account. A retry
   * with the same id and order answers the original order (200) and places nothing; the same id
   * with a different order answers 409 `DUPLICATE_CLIENT_ORDER_ID`.
   */
  readonly clientOrderId?: string;
}

export type OrderTransition = WireStrings<DomainOrderTransition, 'time'>;

type DecimalOrderField =
  | 'quantity'
  | 'notional'
  | 'filledQuantity'
  | 'limitPrice'
  | 'stopPrice'
  | 'trailPercent'
  | 'trailAmount'
  | 'takeProfit'
  | 'stopLoss';

type SharedOrderField =
  | 'id'
  | 'parentId'
  | 'ocoGroup'
  | 'source'
  | 'symbol'
  | 'side'
  | 'type'
  | 'timeInForce'
  | 'status'
  | 'reason';

/**
 * The core's order as stored for an account, without its engine-only working state (role, trigger,
 * trailing anchor, session date); `avgFillPrice` is the core's `averageFillPrice`.
 */
export interface Order extends WireStrings<
  Pick<DomainOrder, SharedOrderField | DecimalOrderField>,
  DecimalOrderField
> {
  readonly accountId: string;
  readonly sessionId: string | null;
  readonly avgFillPrice: string | null;
  /** The limit price of a stop-limit stop-loss; absent when the stop-loss is a plain stop. */
  readonly stopLossLimit?: string;
  /** The `clientOrderId` the order was placed with; null without one (and for strategy orders). */
  readonly clientOrderId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Every status change with its time and reason, oldest first. */
  readonly transitions?: readonly OrderTransition[];
}

/**
 * The `error` object of a 422 risk rejection, e.g.
 * `{"code":"RISK_MAX_POSITION","message":"…","limit":50,"requested":73.1,"details":{"rule":"RISK_MAX_POSITION","limit":50,"requested":73.1}}`.
 * `limit` and `requested` are in the rule's unit (dollars for position size and daily loss, a count for open positions).
 */
export interface RiskRejectionError extends Pick<
  RiskRejection,
  'code' | 'message' | 'limit' | 'requested'
> {
  readonly details: { readonly rule: RiskRejection['code'] } & Pick<
    RiskRejection,
    'limit' | 'requested'
  >;
}
