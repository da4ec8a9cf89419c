/** One mark-to-market equity observation; `time` in UTC ms. */
export interface EquityPoint {
  readonly time: number;
  readonly equity: number;
}

/** One closed long round trip (entry fill(s) to the exit fill), as the engine reports it. */
export interface RoundTrip {
  readonly symbol: string;
  readonly entryTime: number;
  readonly exitTime: number;
  readonly quantity: number;
  /** Average entry fill price. */
  readonly entryPrice: number;
  /** Average exit fill price. */
  readonly exitPrice: number;
  /** Net profit in account currency: (exit − entry) × quantity − commission. */
  readonly pnl: number;
  /** Commission of both legs. */
  readonly commission: number;
}

/** A position still open when the curve ends; it counts towards exposure up to the last point. */
export interface OpenExposure {
  readonly symbol: string;
  readonly entryTime: number;
}

export interface PricePoint {
  readonly time: number;
  readonly price: number;
}

/**
 * A value curve as columns, point i being (times[i], values[i]) in time order: a backtest's curve has
 * a point per bar, and two typed arrays hold them unboxed where an object per point would each be
 * kept alive, and copied by the collector, until the report.
 */
export interface Series {
  readonly times: Float64Array;
  readonly values: Float64Array;
}

/** The last point of each trading day of a curve, with the day's date (`dayOf` of its time). */
export interface DailySeries extends Series {
  readonly dates: readonly string[];
  /**
   * The indices of the days that begin a month (the first day's included), when the caller has
   * them without reading the dates: monthly returns then read a date per month, not one per day.
   */
  readonly monthStarts?: readonly number[];
}

export interface MetricsInput {
  readonly equityCurve: readonly EquityPoint[] | Series;
  readonly trades: readonly RoundTrip[];
  readonly openPositions?: readonly OpenExposure[];
  /** Prices of the buy-and-hold benchmark (e.g. the traded symbol's closes), in time order. */
  readonly benchmark?: readonly PricePoint[] | Series;
  /** Annual risk-free rate as a fraction (0.04 = 4 %); default 0. */
  readonly riskFreeRate?: number;
  /** Groups instants into trading days for daily returns; default: the New York calendar date. */
  readonly dayOf?: (time: number) => string;
  /**
   * `lastPerDay(equityCurve, dayOf)`, when the caller has it already (a backtest reports it): metrics
   * and performance then read it instead of resampling the curve again.
   */
  readonly dailyEquity?: DailySeries;
  /** `lastPerDay(benchmark, dayOf)`, likewise (a benchmark with the curve's times has its days). */
  readonly dailyBenchmark?: DailySeries;
}

export interface Drawdown {
  /** Deepest fall from a running peak, as a fraction of that peak. */
  readonly pct: number;
  /** Money lost from the peak to the trough of that deepest episode. */
  readonly amount: number;
  readonly peakTime: number | null;
  readonly troughTime: number | null;
  /** First time equity got back to the peak; null if it never did. */
  readonly recoveryTime: number | null;
  /** From the peak to the recovery, or to the last point while unrecovered. */
  readonly durationMs: number;
}

/** Statistics of any value curve: the strategy's equity or the benchmark's price. */
export interface CurveStats {
  readonly start: number | null;
  readonly end: number | null;
  readonly totalReturn: number | null;
  readonly annualizedReturn: number | null;
  readonly sharpe: number | null;
  readonly sortino: number | null;
  readonly maxDrawdown: Drawdown;
  /** Largest money fall from a running peak over any episode. */
  readonly maxDrawdownAmount: number;
  readonly calmar: number | null;
  /** Number of daily returns (trading days after the first). */
  readonly dailyReturns: number;
}

export interface MetricsConvention {
  readonly returns: string;
  readonly dailyResampling: string;
  readonly periodsPerYear: number;
  readonly riskFreeRate: number;
  readonly annualizedReturn: string;
  readonly sharpe: string;
  readonly sortino: string;
  readonly maxDrawdown: string;
  readonly calmar: string;
  readonly winRate: string;
  readonly profitFactor: string;
  readonly expectancy: string;
  readonly exposure: string;
  readonly benchmark: string;
}

export interface MetricsReport extends CurveStats {
  readonly tradeCount: number;
  readonly winRate: number | null;
  readonly profitFactor: number | null;
  readonly expectancy: number | null;
  readonly exposure: number | null;
  readonly benchmark: CurveStats | null;
  readonly convention: MetricsConvention;
}
