import type { Bar, EquityPoint, Fill } from '@ptp/domain';

/**
 * GET /api/chart-data?since=&accountId=. Numbers (not decimal strings) because they only feed
 * charts; times are UTC epoch ms. Served from memory with an ETag (If-None-Match → 304).
 */
export interface ChartEquityPoint extends EquityPoint {
  readonly cash: number;
  /** Value of the starting capital put into the benchmark symbol at the first point (buy and hold); null before a price is known. */
  readonly benchmark: number | null;
}

export type ChartPricePoint = Pick<Bar, 'time' | 'close'>;

/** A fill as the chart marks it; `tradeId` is the stored fill's id. */
export interface ChartFillMarker extends Pick<
  Fill,
  'time' | 'symbol' | 'side' | 'price' | 'quantity' | 'orderId'
> {
  readonly tradeId: string;
}

export interface ChartData {
  readonly accountId: string;
  /**
   * Revision of this answer (strictly increasing, close to server epoch ms). Pass it back as
   * `since=` to get only the points recorded after it.
   */
  readonly asOf: number;
  /** Whether this answer is the full history (no or out-of-date `since`) or an increment. */
  readonly incremental: boolean;
  readonly startingCapital: number;
  readonly benchmarkSymbol: string;
  readonly symbols: readonly string[];
  readonly equity: readonly ChartEquityPoint[];
  readonly prices: Readonly<Record<string, readonly ChartPricePoint[]>>;
  readonly fills: readonly ChartFillMarker[];
}
