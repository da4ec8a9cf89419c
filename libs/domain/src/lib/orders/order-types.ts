export type OrderSide = 'buy' | 'sell';
export type OrderType = 'market' | 'limit' | 'stop' | 'stop_limit' | 'trailing_stop';
/** day: expires when its session ends; gtc: until canceled; ioc: what does not fill on the first evaluation is canceled. */
export type TimeInForce = 'day' | 'gtc' | 'ioc';
export type OrderStatus = 'new' | 'accepted' | 'partially_filled' | 'filled' | 'canceled' | 'rejected' | 'expired';
/** Who created the order: a person, a strategy signal, or the risk manager (stop-loss/take-profit children, flatten). */
export type OrderSource = 'manual' | 'strategy' | 'risk';
/** What the order is for: an entry, an exit, or an attached child of an entry. */
export type OrderRole = 'entry' | 'exit' | 'stop_loss' | 'take_profit';

export const ORDER_SIDES: readonly OrderSide[] = ['buy', 'sell'];
export const ORDER_TYPES: readonly OrderType[] = ['market', 'limit', 'stop', 'stop_limit', 'trailing_stop'];
export const TIME_IN_FORCE_VALUES: readonly TimeInForce[] = ['day', 'gtc', 'ioc'];

/**
 * An order as asked for (manual orders arrive in this shape from the API; strategies build the same).
 * Exactly one of `quantity` (shares, ≤ 6 decimals) and `notional` (dollars, converted to shares at
 * the fill price and rounded down to the quantity step).
 */
export interface OrderRequest {
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly quantity?: number;
  readonly notional?: number;
  /** limit and stop_limit. */
  readonly limitPrice?: number;
  /** stop and stop_limit. */
  readonly stopPrice?: number;
  /** trailing_stop: exactly one of trailPercent (5 = 5 %) and trailAmount (dollars). */
  readonly trailPercent?: number;
  readonly trailAmount?: number;
  /** Default gtc. */
  readonly timeInForce?: TimeInForce;
  /** Buy orders only: limit price of the take-profit sell attached when the entry fills (OCO with stopLoss). */
  readonly takeProfit?: number;
  /** Buy orders only: stop price of the stop-loss sell attached when the entry fills (OCO with takeProfit). */
  readonly stopLoss?: number;
}

export interface OrderTransition {
  readonly status: OrderStatus;
  readonly time: number;
  readonly reason: string;
}

/** An order inside the engine. Mutable only through the state machine and the fill functions. */
export interface Order {
  readonly id: string;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly timeInForce: TimeInForce;
  readonly source: OrderSource;
  readonly role: OrderRole;
  /** Shares asked for; null for a notional order until its fill fixes the quantity. */
  quantity: number | null;
  readonly notional: number | null;
  readonly limitPrice: number | null;
  readonly stopPrice: number | null;
  readonly trailPercent: number | null;
  readonly trailAmount: number | null;
  readonly takeProfit: number | null;
  readonly stopLoss: number | null;
  /** The entry order of a stop-loss/take-profit child. */
  readonly parentId: string | null;
  /** Children sharing a group cancel each other when one fills. */
  readonly ocoGroup: string | null;
  status: OrderStatus;
  filledQuantity: number;
  averageFillPrice: number | null;
  /** A stop_limit whose stop was hit now works as a limit order. */
  triggered: boolean;
  /** trailing_stop: best price seen since the order became active (high for sells, low for buys). */
  trailAnchor: number | null;
  /** The session (`YYYY-MM-DD`) a day order first worked in; it expires when that session is over. */
  sessionDate: string | null;
  /** Time of the bar or request that created it: it may only fill on later bars or ticks. */
  readonly createdAt: number;
  updatedAt: number;
  reason: string | null;
  readonly transitions: OrderTransition[];
}

export const TERMINAL_STATUSES: ReadonlySet<OrderStatus> = new Set(['filled', 'canceled', 'rejected', 'expired']);

export function isOpenOrder(order: Pick<Order, 'status'>): boolean {
  // Compared, not looked up in TERMINAL_STATUSES: this runs for every resting order on every bar.
  const status = order.status;
  return status === 'new' || status === 'accepted' || status === 'partially_filled';
}
