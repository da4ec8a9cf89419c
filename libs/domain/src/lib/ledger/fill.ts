import type { OrderSide } from '../orders/order-types';

/**
 * One execution. Numbers are exact decimals of at most 15 significant digits, so the ledger
 * rebuilds exactly from them.
 */
export interface Fill {
  readonly id: string;
  readonly orderId: string;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly quantity: number;
  readonly price: number;
  /** Every fee of this fill (commission and regulatory), in dollars. */
  readonly commission: number;
  readonly time: number;
}
