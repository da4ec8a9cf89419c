import { ExactDecimal } from '../money/exact-decimal';
import type { OrderSide } from '../orders/order-types';

const ONE = ExactDecimal.fromSteps(1, 0);
/**
 * The factors of the last rate slipped by: every fill and entry decision slips by the same one, and
 * building them took as long as the product.
 */
let factorsBps = 0;
let buyFactor = ONE;
let sellFactor = ONE;

/**
 * Adverse slippage: a buy pays price × (1 + bps/10 000), a sell receives price × (1 − bps/10 000).
 * The product is taken in exact decimals and then read as the nearest number, so a fill price has
 * no binary noise: 2.37037 with 5 bps is 2.371555185, not 2.3715551849999996.
 */
export function slip(price: number, side: OrderSide, slippageBps: number): number {
  if (slippageBps === 0) return price;
  if (slippageBps !== factorsBps) {
    const rate = ExactDecimal.fromNumber(slippageBps).shift(4);
    buyFactor = ONE.plus(rate);
    sellFactor = ONE.minus(rate);
    factorsBps = slippageBps;
  }
  return ExactDecimal.fromNumber(price)
    .times(side === 'buy' ? buyFactor : sellFactor)
    .toNumber();
}

export function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}
