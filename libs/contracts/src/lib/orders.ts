/**
 * Orders over REST (POST/GET/DELETE /api/orders). Money, prices and quantities travel as decimal
 * strings in responses (the ledger is decimal); requests accept JSON numbers. Times are ISO-8601 UTC.
 */

export type OrderSide = 'buy' | 'sell';
export const ORDER_SIDES: readonly OrderSide[] = ['buy', 'sell'];

export type OrderType = 'market' | 'limit' | 'stop' | 'stop_limit' | 'trailing_stop';
export const ORDER_TYPES: readonly OrderType[] = ['market', 'limit', 'stop', 'stop_limit', 'trailing_stop'];

/** day: expires at the session close; gtc: until cancelled; ioc: whatever does not fill at once is cancelled. */
export type TimeInForce = 'day' | 'gtc' | 'ioc';
export const TIME_IN_FORCE_VALUES: readonly TimeInForce[] = ['day', 'gtc', 'ioc'];

/** The trading core's order state machine: new → accepted → partially_filled / filled / canceled / rejected / expired. */
export type OrderStatus = 'new' | 'accepted' | 'partially_filled' | 'filled' | 'canceled' | 'rejected' | 'expired';
export const ORDER_STATUSES: readonly OrderStatus[] = ['new', 'accepted', 'partially_filled', 'filled', 'canceled', 'rejected', 'expired'];

/** `GET /api/orders?status=`: one status, `open` (new, accepted or partially filled) or `all` (default). */
export type OrderStatusFilter = OrderStatus | 'open' | 'all';
export const ORDER_STATUS_FILTERS: readonly OrderStatusFilter[] = [...ORDER_STATUSES, 'open', 'all'];

/** Who created the order: a user over REST, a running strategy, or the risk manager (stop-loss/take-profit, flatten). */
export type OrderSource = 'manual' | 'strategy' | 'risk';

/** POST /api/orders. Exactly one of `quantity` and `notional`. */
export interface PlaceOrderRequest {
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  /** Shares (fractional allowed). */
  readonly quantity?: number;
  /** Dollar amount; converted to shares at the fill price. */
  readonly notional?: number;
  /** Required for limit and stop_limit. */
  readonly limitPrice?: number;
  /** Required for stop and stop_limit. */
  readonly stopPrice?: number;
  /** trailing_stop: exactly one of trailPercent and trailAmount. */
  readonly trailPercent?: number;
  readonly trailAmount?: number;
  /** Default `gtc`. */
  readonly timeInForce?: TimeInForce;
  /** Buy orders only: price of the take-profit limit sell attached once the entry fills. */
  readonly takeProfit?: number;
  /** Buy orders only: price of the stop-loss stop sell attached once the entry fills (one-cancels-other with take-profit). */
  readonly stopLoss?: number;
  /** Account to trade on; the default account when omitted. */
  readonly accountId?: string;
}

export interface OrderTransition {
  readonly status: OrderStatus;
  readonly time: string;
  readonly reason?: string | null;
}

export interface Order {
  readonly id: string;
  readonly accountId: string;
  readonly sessionId: string | null;
  /** Entry order of a take-profit / stop-loss child. */
  readonly parentId: string | null;
  /** Children sharing a group cancel each other when one fills. */
  readonly ocoGroup: string | null;
  readonly source: OrderSource;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly timeInForce: TimeInForce;
  readonly status: OrderStatus;
  readonly quantity: string | null;
  readonly notional: string | null;
  readonly filledQuantity: string;
  readonly avgFillPrice: string | null;
  readonly limitPrice: string | null;
  readonly stopPrice: string | null;
  readonly trailPercent: string | null;
  readonly trailAmount: string | null;
  readonly takeProfit: string | null;
  readonly stopLoss: string | null;
  /** Why it was rejected, cancelled or expired. */
  readonly reason: string | null;
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
export interface RiskRejectionError {
  readonly code: string;
  readonly message: string;
  readonly limit: number | null;
  readonly requested: number | null;
  readonly details: { readonly rule: string; readonly limit: number | null; readonly requested: number | null };
}
