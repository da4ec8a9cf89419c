import type { CurveStats, MetricsReport, PerformanceReport } from '@ptp/domain';

/** GET /api/portfolio. Money as decimal strings; `null` where no price is known yet. */

/**
 * Not derived from the core's PositionView: the API values positions from the decimal ledger and
 * names, units and nullability differ (avgCost, null market value while unpriced, percentages).
 */
export interface PortfolioPosition {
  readonly symbol: string;
  readonly quantity: string;
  readonly avgCost: string;
  /** What the shares held cost, fees excluded. */
  readonly costBasis: string;
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

/** Statistics of the account's equity curve or of its benchmark's price curve. */
export type MetricsCurveStats = CurveStats;

/** GET /api/metrics?from=&to=: the trading core's metrics over the account's equity curve and closed round trips. */
export interface AccountMetrics extends MetricsReport {
  readonly accountId: string;
  /** ISO-8601 bounds of the range actually used. */
  readonly from: string | null;
  readonly to: string | null;
}

/**
 * GET /api/performance?from=&to=: the trading core's performance breakdowns (trade statistics, daily
 * P&L, monthly returns, P&L per symbol, cumulative return against the benchmark) of the account.
 */
export interface AccountPerformance extends PerformanceReport {
  readonly accountId: string;
  /** ISO-8601 bounds of the range actually used. */
  readonly from: string | null;
  readonly to: string | null;
}
