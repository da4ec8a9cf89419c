import type { OrderSide } from '../orders/order-types';
import type { ValidOrderRequest } from '../orders/order-validation';

/** An order the engine places itself: strategy entries and exits, bracket children, flattening. */
export interface EngineOrderSpec {
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: 'market' | 'limit' | 'stop';
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
