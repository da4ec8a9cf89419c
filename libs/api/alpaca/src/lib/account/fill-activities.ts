import { orderUuid, type OrderEntity, type PaperTradeEntity } from '@ptp/api/persistence';
import { dec } from '@ptp/domain';
import { alpacaStatus } from '../orders/order.mapper';
import { rfc3339 } from '../shared/alpaca-values';
import type { Order as DomainOrder } from '@ptp/domain';

/** A FILL activity of GET /v2/account/activities/FILL. */
export interface AlpacaFillActivity {
  readonly id: string;
  readonly activity_type: 'FILL';
  readonly transaction_time: string;
  readonly type: 'fill' | 'partial_fill';
  readonly price: string;
  readonly qty: string;
  readonly side: string;
  readonly symbol: string;
  readonly leaves_qty: string;
  readonly order_id: string;
  readonly cum_qty: string;
  readonly order_status: string;
}

/**
 * Fills (oldest first) as Alpaca's FILL activities; `cum_qty`/`leaves_qty` count the order's fills
 * up to each one, and a fill that completes its order is `fill`, any other `partial_fill`.
 */
export function fillActivities(
  fills: readonly PaperTradeEntity[],
  orders: ReadonlyMap<string, OrderEntity>,
): AlpacaFillActivity[] {
  const filled = new Map<string, ReturnType<typeof dec>>();
  return fills.map((fill) => {
    const order = orders.get(fill.orderId);
    const cumulative = (filled.get(fill.orderId) ?? dec(0)).plus(dec(fill.quantity));
    filled.set(fill.orderId, cumulative);
    const total = order?.quantity ? dec(order.quantity) : cumulative;
    const leaves = total.minus(cumulative);
    const status = order ? (JSON.parse(order.state) as DomainOrder).status : 'filled';
    return {
      id: `${rfc3339(fill.executedAt).replace(/\D/g, '')}::${fill.id}`,
      activity_type: 'FILL',
      transaction_time: rfc3339(fill.executedAt),
      type: leaves.lte(0) ? 'fill' : 'partial_fill',
      price: fill.price,
      qty: fill.quantity,
      side: fill.side,
      symbol: fill.symbol,
      leaves_qty: leaves.lte(0) ? '0' : leaves.toString(),
      order_id: orderUuid(fill.accountId, fill.orderId),
      cum_qty: cumulative.toString(),
      order_status: alpacaStatus(status, order?.replacedBy ?? null),
    };
  });
}
