export type OrderSide = 'buy' | 'sell';
export type OrderType = 'market' | 'limit' | 'stop' | 'stop_limit' | 'trailing_stop';
/**
 * day: expires when its session ends; gtc: until canceled; ioc: what does not fill on the first
 * evaluation is canceled.
 */
export type TimeInForce = 'day' | 'gtc' | 'ioc';
export type OrderStatus =
  'new' | 'accepted' | 'partially_filled' | 'filled' | 'canceled' | 'rejected' | 'expired';
/**
 * Who created the order: a person, a strategy signal, or the risk manager (stop-loss/take-profit
 * children, flatten).
 */
export type OrderSource = 'manual' | 'strategy' | 'risk';
/** What the order is for: an entry, an exit, or an attached child of an entry. */
export type OrderRole = 'entry' | 'exit' | 'stop_loss' | 'take_profit';

export const ORDER_SIDES: readonly OrderSide[] = ['buy', 'sell'];
export const ORDER_TYPES: readonly OrderType[] = [
  'market',
  'limit',
  'stop',
  'stop_limit',
  'trailing_stop',
];
export const TIME_IN_FORCE_VALUES: readonly TimeInForce[] = ['day', 'gtc', 'ioc'];

/**
 * An order as asked for (manual orders arrive in this shape from the API; strategies build the
 * same). Exactly one of `quantity` (shares, ≤ 6 decimals) and `notional` (dollars, converted to
 * shares at the fill price and rounded down to the quantity step).
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
  /**
   * Buy orders only: limit price of the take-profit sell attached when the entry fills (OCO with
   * stopLoss).
   */
  readonly takeProfit?: number;
  /**
   * Stop price of a stop-loss sell. On a buy order it is attached when the entry fills (OCO with
   * takeProfit). On a sell limit order it is placed with the order, for the same quantity, and
   * whichever of the two fills first cancels the other: an OCO exit pair for a held position.
   */
  readonly stopLoss?: number;
  /** With stopLoss: the stop-loss sell is a stop_limit order with this limit price. */
  readonly stopLossLimit?: number;
}

export interface OrderTransition {
  readonly status: OrderStatus;
  readonly time: number;
  readonly reason: string;
}

interface OrderFields {
  readonly id: string;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly timeInForce: TimeInForce;
  readonly source: OrderSource;
  readonly role: OrderRole;
  readonly takeProfit: number | null;
  readonly stopLoss: number | null;
  /**
   * The limit price of a stop-limit stop-loss leg. Absent (not null) when there is none, so that
   * orders persisted before it existed read, replay and digest exactly as they did.
   */
  readonly stopLossLimit?: number;
  /** The entry order of a stop-loss/take-profit child, or the limit order of an OCO exit pair. */
  readonly parentId: string | null;
  /** Children sharing a group cancel each other when one fills. */
  readonly ocoGroup: string | null;
  status: OrderStatus;
  filledQuantity: number;
  averageFillPrice: number | null;
  /** A stop_limit whose stop was hit now works as a limit order. */
  triggered: boolean;
  /**
   * trailing_stop: best price seen since the order became active (high for sells, low for buys).
   */
  trailAnchor: number | null;
  /**
   * The session (`YYYY-MM-DD`) a day order first worked in; it expires when that session is over.
   */
  sessionDate: string | null;
  /** Time of the bar or request that created it: it may only fill on later bars or ticks. */
  readonly createdAt: number;
  updatedAt: number;
  reason: string | null;
  readonly transitions: OrderTransition[];
}

interface NoPrices {
  readonly limitPrice: null;
  readonly stopPrice: null;
  readonly trailPercent: null;
  readonly trailAmount: null;
}

/**
 * The price fields of each order type: those it needs are numbers, the others null (never absent:
 * persisted orders keep every key).
 */
export type OrderPrices =
  | (NoPrices & { readonly type: 'market' })
  | (Omit<NoPrices, 'limitPrice'> & { readonly type: 'limit'; readonly limitPrice: number })
  | (Omit<NoPrices, 'stopPrice'> & { readonly type: 'stop'; readonly stopPrice: number })
  | (Omit<NoPrices, 'limitPrice' | 'stopPrice'> & {
      readonly type: 'stop_limit';
      readonly limitPrice: number;
      readonly stopPrice: number;
    })
  | (Omit<NoPrices, 'trailPercent'> & {
      readonly type: 'trailing_stop';
      readonly trailPercent: number;
    })
  | (Omit<NoPrices, 'trailAmount'> & {
      readonly type: 'trailing_stop';
      readonly trailAmount: number;
    });

/**
 * Shares or dollars: a quantity order has no notional; a notional order's quantity is null until
 * its first fill fixes it.
 */
export type OrderAmount =
  | { readonly notional: null; quantity: number }
  | { readonly notional: number; quantity: number | null };

/** An order inside the engine. Mutable only through the state machine and the fill functions. */
export type Order = OrderFields & OrderPrices & OrderAmount;

export const TERMINAL_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'filled',
  'canceled',
  'rejected',
  'expired',
]);

/** The statuses of an order that may still fill. */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = ['new', 'accepted', 'partially_filled'];

export function isOpenOrder(order: Pick<Order, 'status'>): boolean {
  // Compared, not looked up in TERMINAL_STATUSES: this runs for every resting order on every bar.
  const status = order.status;
  return status === 'new' || status === 'accepted' || status === 'partially_filled';
}
