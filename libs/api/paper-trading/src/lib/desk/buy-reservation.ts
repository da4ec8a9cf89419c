import { feesFor, isOpenOrder, slip, type FeeSchedule, type Order } from '@ptp/domain';
import Decimal from 'decimal.js';

/**
 * Cash held back by working buy orders, estimated like the engine's own "available cash": the
 * remaining shares at the limit (else the last price) with slippage and fees, or a notional order's amount.
 */
export function buyReservation(orders: readonly Order[], priceOf: (symbol: string) => number | undefined, slippageBps: number, fees: FeeSchedule): Decimal {
  let reserved = new Decimal(0);
  for (const order of orders) {
    if (order.side !== 'buy' || !isOpenOrder(order)) continue;
    if (order.quantity === null) {
      reserved = reserved.plus(order.notional ?? 0);
      continue;
    }
    const remaining = order.quantity - order.filledQuantity;
    const price = slip(order.limitPrice ?? priceOf(order.symbol) ?? 0, 'buy', slippageBps);
    reserved = reserved.plus(new Decimal(remaining).times(price)).plus(feesFor(fees, 'buy', remaining, price).total.toString());
  }
  return reserved;
}
