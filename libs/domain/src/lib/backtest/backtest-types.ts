import type { CorporateActions } from '../corporate-actions/corporate-action-types';
import type { ExecutionConfig } from '../engine/engine-config';
import type { FeeSchedule } from '../execution/fees';
import type { Bar } from '../market/bar';
import type { Fill } from '../ledger/fill';
import type { PositionView } from '../ledger/ledger-views';
import type { CurveStats, Drawdown, MetricsReport, RoundTrip } from '../metrics/metrics-types';
import type { CumulativeReturnPoint, PerformanceReport } from '../metrics/performance-types';
import type { RiskConfig } from '../risk/risk-config';
import type { SizingConfig } from '../risk/sizing';

export interface BacktestInput {
  /** Bars of every symbol; sorted by time here, so any order is fine. */
  readonly bars: readonly Bar[];
  /** Symbols to trade (default: every symbol in `bars`). */
  readonly symbols?: readonly string[];
  readonly strategy: string;
  readonly params?: Readonly<Record<string, number>>;
  /**
   * Inclusive trading dates `YYYY-MM-DD`; bars outside are dropped (no warm-up from before `from`).
   */
  readonly from?: string;
  readonly to?: string;
  /** Starting cash in dollars. */
  readonly capital: number;
  readonly sizing: SizingConfig;
  /** Missing fields are 0 / off. */
  readonly fees?: Partial<FeeSchedule>;
  readonly slippageBps: number;
  /**
   * null: every rule off except enough cash (--no-risk); missing fields take DEFAULT_RISK_CONFIG.
   */
  readonly risk: Partial<RiskConfig> | null;
  /** Annual risk-free rate for Sharpe/Sortino as a fraction; default 0. */
  readonly riskFreeRate?: number;
  /**
   * Splits and dividends of raw-price bars: applied before the open of their date (a split) or
   * accrued on the ex-date and paid on the pay date (a dividend). Omit for adjusted bars.
   */
  readonly corporateActions?: CorporateActions;
  /** Volume cap and limit rule; default whole fills and limits filled on touch. */
  readonly execution?: Partial<ExecutionConfig>;
}

/** A fill as reported: its time formatted, ids left out. */
export type BacktestFillRow = Omit<Fill, 'id' | 'orderId' | 'time'> & { readonly time: string };

/** A round trip as reported: its times formatted. */
export type BacktestTradeRow = Omit<RoundTrip, 'entryTime' | 'exitTime'> & {
  readonly entryTime: string;
  readonly exitTime: string;
};

/** A drawdown as reported: its peak, trough and recovery times formatted like the bar times. */
export type BacktestDrawdownRow = Omit<Drawdown, 'peakTime' | 'troughTime' | 'recoveryTime'> & {
  readonly peakTime: string | null;
  readonly troughTime: string | null;
  readonly recoveryTime: string | null;
};

/** Curve statistics as reported: the drawdown's times formatted. */
export type BacktestCurveStatsRow = Omit<CurveStats, 'maxDrawdown'> & {
  readonly maxDrawdown: BacktestDrawdownRow;
};

/** Metrics as reported: every time formatted like the bar times (durations stay in ms). */
export type BacktestMetricsRow = Omit<MetricsReport, 'maxDrawdown' | 'benchmark'> & {
  readonly maxDrawdown: BacktestDrawdownRow;
  readonly benchmark: BacktestCurveStatsRow | null;
};

/** Performance breakdowns as reported: the cumulative-return times formatted like the bar times. */
export type BacktestPerformanceRow = Omit<PerformanceReport, 'cumulativeReturns'> & {
  readonly cumulativeReturns: (Omit<CumulativeReturnPoint, 'time'> & { readonly time: string })[];
};

/**
 * report.json: daily bar times as `YYYY-MM-DD`, intraday as ISO-8601 UTC; every number a JSON
 * number.
 */
export interface BacktestReport {
  readonly fills: BacktestFillRow[];
  readonly trades: BacktestTradeRow[];
  readonly finalEquity: number;
  readonly cash: number;
  readonly positions: PositionView[];
  readonly metrics: BacktestMetricsRow;
  readonly performance: BacktestPerformanceRow;
  readonly equityCurve: { readonly time: string; readonly equity: number }[];
}
