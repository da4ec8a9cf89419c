import type { OrderSide } from '../orders/order-types';
import type { ValidOrderRequest } from '../orders/order-validation';

/** An order the engine places itself: strategy entries and exits, bracket children, flattening. */
export interface EngineOrderSpec {
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: 'market' | 'limit' | 'stop' | 'stop_limit';
  readonly quantity?: number;
  readonly notional?: number;
  readonly limitPrice?: number;
  readonly stopPrice?: number;
}

/**
 * The gtc request of an engine order. Every key is present, so that all of them share one object
 * shape and createOrder stays on V8's fast path.
 */
export function engineRequest(spec: EngineOrderSpec): ValidOrderRequest {
  return {
    symbol: spec.symbol,
    side: spec.side,
    type: spec.type,
    quantity: spec.quantity,
    notional: spec.notional,
    limitPrice: spec.limitPrice,
    stopPrice: spec.stopPrice,
    trailPercent: undefined,
    trailAmount: undefined,
    takeProfit: undefined,
    stopLoss: undefined,
    timeInForce: 'gtc',
  };
}

/** The prices of a stop-loss sell: a stop order, or a stop_limit one when it has a limit price. */
export function stopLossPrices(
  stopPrice: number,
  limitPrice: number | undefined,
): Pick<EngineOrderSpec, 'type' | 'limitPrice' | 'stopPrice'> {
  return limitPrice === undefined
    ? { type: 'stop', stopPrice }
    : { type: 'stop_limit', stopPrice, limitPrice };
}
