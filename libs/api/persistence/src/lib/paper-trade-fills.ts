import type { Fill } from '@ptp/domain';
import type { PaperTradeEntity } from './entities/paper-trade.entity';

/** The engine's counter in a fill id. */
export const fillNumber = (id: string) => Number(/F(\d+)$/.exec(id)?.[1] ?? 0);

/** A stored fill back in the engine's shape: the strings were written from these very numbers, so they parse back exactly. */
export function fillFromRow(
  row: Pick<
    PaperTradeEntity,
    'id' | 'orderId' | 'symbol' | 'side' | 'quantity' | 'price' | 'commission' | 'executedAt'
  >,
): Fill {
  return {
    id: row.id,
    orderId: row.orderId,
    symbol: row.symbol,
    side: row.side,
    quantity: Number(row.quantity),
    price: Number(row.price),
    commission: Number(row.commission),
    time: Number(row.executedAt),
  };
}

/** Stored fills in the engine's shape, in the order the ledger booked them (fill ids carry the engine's counter). */
export function fillsInBookingOrder(rows: readonly Parameters<typeof fillFromRow>[0][]): Fill[] {
  return rows.map(fillFromRow).sort((a, b) => fillNumber(a.id) - fillNumber(b.id));
}
