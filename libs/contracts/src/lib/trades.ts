import type { OrderSide } from './orders';

/** One fill (a row of paper_trades). Decimal strings; `time` is ISO-8601 UTC. */
export interface Trade {
  readonly id: string;
  readonly accountId: string;
  readonly orderId: string;
  readonly sessionId: string | null;
  readonly time: string;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly quantity: string;
  readonly price: string;
  readonly commission: string;
  /** Profit realised by this fill (sells), net of commission, in cents (half-even; exact in the database); "0.00" for buys. */
  readonly realizedPnl: string;
}

/** GET /api/trades?symbol=&from=&to=&limit=&offset= — newest first. */
export interface TradesPage {
  readonly items: readonly Trade[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** Column order of GET /api/trades.csv. */
export const TRADES_CSV_COLUMNS = ['id', 'time', 'symbol', 'side', 'quantity', 'price', 'commission', 'realized_pnl', 'order_id', 'session_id'] as const;
