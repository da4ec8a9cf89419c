import type { ExactDecimal } from '../money/exact-decimal';
import { exactNotionalOf } from '../money/rounding';
import type { OrderSide } from '../orders/order-types';
import { exactFees, type ExactFees, type FeeSchedule } from './fees';

/**
 * What one fill trades and costs, worked out once and then handed to the ledger and the round
 * trips, which would otherwise each multiply quantity × price again.
 */
export interface FillCost {
  readonly quantity: number;
  /** quantity × price, exactly. */
  readonly notional: ExactDecimal;
  readonly fees: ExactFees;
}

export function fillCost(
  schedule: FeeSchedule,
  side: OrderSide,
  quantity: number,
  price: number,
  firstFillOfOrder: boolean,
): FillCost {
  const notional = exactNotionalOf(quantity, price);
  return {
    quantity,
    notional,
    fees: exactFees(schedule, side, quantity, price, firstFillOfOrder, notional),
  };
}
