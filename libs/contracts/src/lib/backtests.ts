import type {
  BacktestFillRow,
  BacktestPerformanceRow,
  BacktestReport as CoreBacktestReport,
  CorporateActions,
  ExecutionConfig,
  SizingConfig,
  StrategyParams,
} from '@ptp/domain';
import type { FeeSettings, RiskLimits } from './config';
import type { Page } from './page';

export const BACKTEST_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type BacktestStatus = (typeof BACKTEST_STATUSES)[number];

/** The seeded simulated market: 1-minute regular-session bars from `from` to `to`. */
export interface SimulatedBacktestSource {
  readonly type: 'simulated';
  readonly seed: number;
}

/** Polygon aggregates (needs POLYGON_API_KEY); `timespan` defaults to day. */
export interface PolygonBacktestSource {
  readonly type: 'polygon';
  readonly timespan?: 'minute' | 'hour' | 'day';
}

/**
 * Uploaded bars: a Yahoo-style daily CSV (`Date,Open,High,Low,Close,Adj Close,Volume`) for the one
 * symbol of the request, sent as text in the JSON body (POST /api/backtests) or as the `file` part of
 * a multipart upload (POST /api/backtests/upload).
 */
export interface CsvBacktestSource {
  readonly type: 'csv';
  readonly csv: string;
  /** Use Adj Close (scaling OHLC) instead of raw prices. */
  readonly adjusted?: boolean;
}

export type BacktestSource = SimulatedBacktestSource | PolygonBacktestSource | CsvBacktestSource;

/** auto: min(maxPositionPct × equity, cash); quantity: fixed shares; notional: fixed dollars. */
export type BacktestSizing = SizingConfig;

/** POST /api/backtests. Omitted fields take the runtime config's values. */
export interface BacktestRequest {
  readonly symbols: readonly string[];
  readonly strategy: string;
  readonly params?: StrategyParams;
  /** `YYYY-MM-DD`, New York dates, inclusive. */
  readonly from: string;
  readonly to: string;
  /** Dollars; the configured starting capital when omitted. */
  readonly capital?: number;
  readonly sizing?: BacktestSizing;
  readonly fees?: Partial<FeeSettings>;
  readonly slippageBps?: number;
  /** false = every rule off except enough cash (the CLI's --no-risk); an object overrides limits. */
  readonly risk?: boolean | Partial<RiskLimits>;
  readonly source: BacktestSource;
  /**
   * Splits and dividends of raw-price bars, with Polygon's fields (docs/data-formats.md); at most
   * 10,000 items.
   */
  readonly corporateActions?: CorporateActions;
  /** Volume cap and limit rule (docs/engine.md); default whole fills, limits on touch. */
  readonly execution?: Partial<ExecutionConfig>;
  /** Runtime config (fees, risk) of which account fills the omitted fields. */
  readonly accountId?: string;
}

/**
 * The `request` part of POST /api/backtests/upload (multipart/form-data): the request without the
 * CSV text, which travels as the `file` part.
 */
export type BacktestUploadRequest = Omit<BacktestRequest, 'source'> & {
  readonly source?: { readonly type: 'csv'; readonly adjusted?: boolean };
};

/** One fill of a backtest; daily bars have `YYYY-MM-DD` times, intraday bars ISO-8601 UTC. */
export type BacktestFill = BacktestFillRow;

/**
 * The report of `npm run backtest` (report.json), with JSON numbers. Round trips, positions, metrics
 * and the curve stay loose records: the API runs the engine untyped (looked up by name, see
 * run-backtest-job.ts) and stores its JSON as it comes, so readers check each field.
 */
export interface BacktestReport extends Pick<CoreBacktestReport, 'finalEquity' | 'cash'> {
  readonly fills: readonly BacktestFill[];
  /** Round trips. */
  readonly trades: readonly Readonly<Record<string, unknown>>[];
  readonly positions:
    readonly Readonly<Record<string, unknown>>[] | Readonly<Record<string, unknown>>;
  /** The trading core's metrics, with the convention they follow. */
  readonly metrics: Readonly<Record<string, unknown>>;
  readonly equityCurve: readonly Readonly<Record<string, unknown>>[];
  /** Performance breakdowns (docs/metrics.md); absent in reports of runs made before they existed. */
  readonly performance?: BacktestPerformance;
}

/** The trading core's performance breakdowns of a backtest, times formatted like its bars. */
export type BacktestPerformance = BacktestPerformanceRow;

/** GET /api/backtests/:id (and each item of GET /api/backtests, without `report`). Times are ISO-8601 UTC. */
export interface BacktestRun {
  readonly id: string;
  readonly status: BacktestStatus;
  /** 0–1. */
  readonly progress: number;
  /** The request as accepted (an uploaded CSV is summarised by its size, not echoed). */
  readonly request: Readonly<Record<string, unknown>>;
  readonly error: string | null;
  /** The instance (INSTANCE_ID) that ran it, or runs it; null while it waits. */
  readonly ranBy: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  /** Present when `status` is completed (null otherwise); omitted in lists. */
  readonly report?: BacktestReport | null;
}

/** GET /api/backtests?status=&limit=&offset= — newest first. */
export type BacktestRunsPage = Page<BacktestRun>;

export const BACKTEST_ERROR_CODES = {
  notFound: 'BACKTEST_NOT_FOUND',
  notCancellable: 'BACKTEST_NOT_CANCELLABLE',
  queueFull: 'BACKTEST_QUEUE_FULL',
  invalidRange: 'INVALID_RANGE',
  invalidData: 'INVALID_BACKTEST_DATA',
  sourceUnavailable: 'BACKTEST_SOURCE_UNAVAILABLE',
  uploadQuotaExceeded: 'UPLOAD_QUOTA_EXCEEDED',
  outOfMemory: 'BACKTEST_OUT_OF_MEMORY',
  queueUnavailable: 'BACKTEST_QUEUE_UNAVAILABLE',
  invalidCorporateActions: 'INVALID_CORPORATE_ACTIONS',
} as const;
