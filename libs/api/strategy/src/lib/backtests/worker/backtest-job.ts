import type { BacktestSizing, FeeSettings, MarketTimespan, RiskLimits } from '@ptp/contracts';
import type { Bar, CorporateActions, ExecutionConfig } from '@ptp/domain';

export type SimulatedJobData = { readonly kind: 'simulated'; readonly seed: number };
export type CsvJobData = { readonly kind: 'csv'; readonly csv: string; readonly adjusted: boolean };
/** A CSV as the run row keeps it: the text itself is in backtest_uploads (the row's `uploadId`). */
export type StoredCsvJobData = {
  readonly kind: 'csv';
  readonly bytes: number;
  readonly adjusted: boolean;
};
/** Polygon bars are fetched by the API (network I/O stays on the main thread) and handed over as `bars`. */
export type PolygonJobData = { readonly kind: 'polygon'; readonly timespan: MarketTimespan };

/** Where the bars of a job come from, as submitted. */
export type SubmittedJobSource = SimulatedJobData | CsvJobData | PolygonJobData;
/** Where the bars of a job come from, as stored with the run. */
export type BacktestJobSource = SimulatedJobData | StoredCsvJobData | PolygonJobData;
/** Where the bars come from, as the worker thread receives it. */
export type BacktestJobData =
  SimulatedJobData | CsvJobData | { readonly kind: 'bars'; readonly bars: readonly Bar[] };

/** A fully resolved backtest (every default filled in): stored with the run, and run by the worker thread. */
export interface BacktestJob<Data = BacktestJobData> {
  readonly symbols: readonly string[];
  readonly strategy: string;
  readonly params: Readonly<Record<string, number>>;
  /** New York dates, inclusive. */
  readonly from: string;
  readonly to: string;
  readonly capital: number;
  readonly sizing: BacktestSizing;
  readonly fees: FeeSettings;
  readonly slippageBps: number;
  /** null: every rule off except enough cash (the CLI's --no-risk). */
  readonly risk: RiskLimits | null;
  /** Absent when none were given (older runs too). */
  readonly corporateActions?: CorporateActions;
  /** Absent on runs stored before it existed: whole fills, limits on touch. */
  readonly execution?: ExecutionConfig;
  readonly data: Data;
}

/** What the worker thread posts back. */
export type BacktestWorkerMessage =
  | { readonly type: 'progress'; readonly progress: number }
  | { readonly type: 'done'; readonly report: unknown }
  | { readonly type: 'failed'; readonly error: string; readonly code: string };
