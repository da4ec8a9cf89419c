import { ExactDecimal } from '../money/exact-decimal';
import type { OrderSide } from '../orders/order-types';

const ONE = ExactDecimal.fromSteps(1, 0);

/**
 * Adverse slippage: a buy pays price × (1 + bps/10 000), a sell receives price × (1 − bps/10 000).
 * The product is taken in exact decimals and then read as the nearest number, so a fill price has
 * no binary noise: 2.37037 with 5 bps is 2.371555185, not 2.3715551849999996.
 */
export function slip(price: number, side: OrderSide, slippageBps: number): number {
  if (slippageBps === 0) return price;
  const rate = ExactDecimal.fromNumber(slippageBps).shift(4);
  return ExactDecimal.fromNumber(price)
    .times(side === 'buy' ? ONE.plus(rate) : ONE.minus(rate))
    .toNumber();
}

export function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}
