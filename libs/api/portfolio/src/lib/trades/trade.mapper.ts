import type { Trade } from '@ptp/contracts';
import type { PaperTradeEntity } from '@ptp/api/persistence';
import { toCents } from '@ptp/domain';

/** The stored realised P&L is exact (the ledger reconciles against it); the API shows it in cents, like every P&L. */
export function toTrade(row: PaperTradeEntity): Trade {
  return {
    id: row.id,
    accountId: row.accountId,
    orderId: row.orderId,
    sessionId: row.sessionId,
    time: new Date(row.executedAt).toISOString(),
    symbol: row.symbol,
    side: row.side,
    quantity: row.quantity,
    price: row.price,
    commission: row.commission,
    realizedPnl: toCents(row.realizedPnl).toFixed(2),
  };
}
