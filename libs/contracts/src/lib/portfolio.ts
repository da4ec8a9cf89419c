/** GET /api/portfolio. Money as decimal strings; `null` where no price is known yet. */

export interface PortfolioPosition {
  readonly symbol: string;
  readonly quantity: string;
  readonly avgCost: string;
  readonly lastPrice: string | null;
  readonly marketValue: string | null;
  readonly unrealizedPnl: string | null;
  /** Percent of cost (5 = +5 %). */
  readonly unrealizedPnlPct: string | null;
  /** Percent of equity (10 = 10 %). */
  readonly weight: string | null;
  readonly realizedPnl: string;
  readonly openedAt: string;
}

export interface Portfolio {
  readonly accountId: string;
  readonly startingCapital: string;
  readonly cash: string;
  readonly positionsValue: string;
  readonly equity: string;
  /** Cash not reserved by working buy orders (long-only, no margin). */
  readonly buyingPower: string;
  /** Equity − starting capital. */
  readonly totalPnl: string;
  readonly totalPnlPct: string;
  /** Equity − equity at the start of the New York trading day. */
  readonly dayPnl: string;
  readonly dayPnlPct: string;
  readonly realizedPnl: string;
  readonly unrealizedPnl: string;
  readonly positions: readonly PortfolioPosition[];
  /** ISO-8601 time of the prices used. */
  readonly asOf: string;
}

/** POST /api/portfolio/reset (and POST /api/accounts/:id/reset): must say `{"confirm": true}`. */
export interface ResetRequest {
  readonly confirm: true;
  readonly accountId?: string;
}

/** GET /api/metrics?from=&to=: the trading core's metrics over the account's equity curve and closed round trips. */
export interface MetricsCurveStats {
  readonly start: number | null;
  readonly end: number | null;
  readonly totalReturn: number | null;
  readonly annualizedReturn: number | null;
  readonly sharpe: number | null;
  readonly sortino: number | null;
  readonly maxDrawdown: {
    readonly pct: number;
    readonly amount: number;
    readonly peakTime: number | null;
    readonly troughTime: number | null;
    readonly recoveryTime: number | null;
    readonly durationMs: number;
  };
  readonly maxDrawdownAmount: number;
  readonly calmar: number | null;
  readonly dailyReturns: number;
}

export interface AccountMetrics extends MetricsCurveStats {
  readonly accountId: string;
  /** ISO-8601 bounds of the range actually used. */
  readonly from: string | null;
  readonly to: string | null;
  readonly tradeCount: number;
  readonly winRate: number | null;
  readonly profitFactor: number | null;
  readonly expectancy: number | null;
  readonly exposure: number | null;
  readonly benchmark: MetricsCurveStats | null;
  /** How each number is computed (fractions, daily resampling, annualisation, risk-free rate…). */
  readonly convention: Readonly<Record<string, string | number>>;
}
