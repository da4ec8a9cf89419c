import type { ChartData, ChartEquityPoint, ChartFillMarker, ChartPricePoint } from '@ptp/contracts';

/** An account's answer, apart from what its view decides. */
export type ChartContent = Omit<ChartData, 'asOf' | 'incremental'>;

export interface ChartSnapshot {
  readonly etag: string;
  readonly data: ChartData;
}

/** What an answer covers: the store's revision now, and `since` when it is a valid increment. */
export interface ChartView {
  readonly asOf: number;
  readonly from: number | undefined;
  readonly etag: string;
}

/**
 * The chart data of a cluster, kept where every instance reads it (Redis): whichever instance
 * produces a point writes it once, and any instance answers /api/chart-data from it, with the same
 * body and ETag. Revisions come from one shared counter.
 */
export abstract class SharedChartStore {
  /** Seeds the account's series unless present (`replace`: a reset, which empties them). */
  abstract initAccount(
    accountId: string,
    startingCapital: number,
    equity: readonly ChartEquityPoint[],
    fills: readonly ChartFillMarker[],
    replace: boolean,
  ): Promise<void>;
  abstract dropAccount(accountId: string): Promise<void>;
  abstract recordEquity(accountId: string, point: ChartEquityPoint): Promise<void>;
  abstract recordFills(accountId: string, fills: readonly ChartFillMarker[]): Promise<void>;
  /** Appends a close unless the symbol's series has one at or after its time (every instance offers it). */
  abstract recordPrice(symbol: string, point: ChartPricePoint): Promise<void>;
  abstract dropPrices(symbols: readonly string[]): Promise<void>;
  /** The view of an account's answer, or undefined when the account has no series yet. */
  abstract view(accountId: string, since: number | undefined): Promise<ChartView | undefined>;
  abstract snapshot(
    accountId: string,
    benchmarkSymbol: string,
    since: number | undefined,
  ): Promise<ChartSnapshot | undefined>;
}

/** An increment only when `since` is a revision after the account's last reset and not in the future. */
export function chartView(
  tag: string,
  accountId: string,
  asOf: number,
  resetAt: number,
  since: number | undefined,
): ChartView {
  const from = since !== undefined && since >= resetAt && since <= asOf ? since : undefined;
  return { asOf, from, etag: `W/"${tag}-${accountId}-${asOf}-${from ?? 'all'}"` };
}

/** The answer of `view` with its content (prices keyed by symbol, symbols sorted). */
export function chartSnapshot(view: ChartView, content: ChartContent): ChartSnapshot {
  return {
    etag: view.etag,
    data: {
      ...content,
      asOf: view.asOf,
      incremental: view.from !== undefined,
      symbols: [...content.symbols].sort(),
    },
  };
}
