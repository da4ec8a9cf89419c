import type { Fill } from '@ptp/domain';
import type { Page } from './page';
import type { WireStrings } from './wire';

/** One fill (a row of paper_trades) with decimal strings; `time` is ISO-8601 UTC. */
export interface Trade extends WireStrings<Fill, 'quantity' | 'price' | 'commission' | 'time'> {
  readonly accountId: string;
  readonly sessionId: string | null;
  /** Profit realised by this fill (sells), net of commission, in cents (half-even; exact in the database); "0.00" for buys. */
  readonly realizedPnl: string;
}

/** GET /api/trades?symbol=&from=&to=&limit=&offset= — newest first. */
export type TradesPage = Page<Trade>;

/** Column order of GET /api/trades.csv. */
export const TRADES_CSV_COLUMNS = [
  'id',
  'time',
  'symbol',
  'side',
  'quantity',
  'price',
  'commission',
  'realized_pnl',
  'order_id',
  'session_id',
] as const;
