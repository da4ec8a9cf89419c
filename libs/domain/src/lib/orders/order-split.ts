import { splitSteps, STEPS_PER_SHARE } from '../ledger/ledger-rules';
import { quantitySteps } from '../money/rounding';
import type { Order } from './order-types';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function splitQuantity(quantity: number, splitFrom: number, splitTo: number): number {
  const steps = quantitySteps(quantity) ?? Math.round(quantity * STEPS_PER_SHARE);
  return splitSteps(steps, splitFrom, splitTo) / STEPS_PER_SHARE;
}

/**
 * Adjusts an open order as a broker does at a split of `splitFrom` into `splitTo`: share counts ×
 * the ratio (floored to the 1e-6 step), limit, stop, bracket and fill prices and the trailing
 * amount and anchor ÷ the ratio. A notional order keeps its dollars, a trailing percent its
 * percent.
 */
export function adjustOrderForSplit(order: Order, splitFrom: number, splitTo: number): void {
  const o = order as Writable<Order>;
  const price = (value: number): number => (value * splitFrom) / splitTo;
  const nullablePrice = (value: number | null): number | null =>
    value === null ? null : price(value);
  if (o.quantity !== null) o.quantity = splitQuantity(o.quantity, splitFrom, splitTo);
  if (o.filledQuantity > 0) o.filledQuantity = splitQuantity(o.filledQuantity, splitFrom, splitTo);
  o.averageFillPrice = nullablePrice(o.averageFillPrice);
  // Every order type keeps its price fields' kind (number or null), so the union still holds.
  Object.assign(o, {
    limitPrice: nullablePrice(o.limitPrice),
    stopPrice: nullablePrice(o.stopPrice),
    trailAmount: nullablePrice(o.trailAmount),
  });
  o.trailAnchor = nullablePrice(o.trailAnchor);
  o.takeProfit = nullablePrice(o.takeProfit);
  o.stopLoss = nullablePrice(o.stopLoss);
  if (o.stopLossLimit !== undefined) o.stopLossLimit = price(o.stopLossLimit);
}
