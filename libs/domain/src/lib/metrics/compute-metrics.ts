import { newYorkDateLookup } from '../calendar/new-york-day-cache';
import { simpleReturns } from './daily-returns';
import { drawdowns } from './drawdown';
import type {
  CurveStats,
  MetricsConvention,
  MetricsInput,
  MetricsReport,
  Series,
} from './metrics-types';
import { annualize, riskAdjustedRatios, TRADING_DAYS_PER_YEAR } from './ratios';
import { equitySeries, lastPerDay, priceSeries } from './series';
import { expectancy, exposure, profitFactor, winRate } from './trade-stats';

/** Return, risk and drawdown statistics of a value curve (equity or benchmark prices). */
export function curveStats(
  series: Series,
  riskFreeRate: number,
  dayOf: (t: number) => string,
  daily: Series = lastPerDay(series, dayOf),
): CurveStats {
  const values = series.values;
  const returns = simpleReturns(daily.values);
  const start = values.length > 0 ? values[0] : null;
  const end = values.length > 0 ? values[values.length - 1] : null;
  const totalReturn = start !== null && end !== null && start > 0 ? end / start - 1 : null;
  const annualizedReturn = totalReturn === null ? null : annualize(totalReturn, returns.length);
  const { deepest, largestAmount } = drawdowns(series);
  return {
    start,
    end,
    totalReturn,
    annualizedReturn,
    ...riskAdjustedRatios(returns, riskFreeRate),
    maxDrawdown: deepest,
    maxDrawdownAmount: largestAmount,
    calmar: annualizedReturn !== null && deepest.pct > 0 ? annualizedReturn / deepest.pct : null,
    dailyReturns: returns.length,
  };
}

/**
 * Computes every backtest / account metric from plain numbers; see docs/metrics.md for the
 * formulas.
 */
export function computeMetrics(input: MetricsInput): MetricsReport {
  const riskFreeRate = input.riskFreeRate ?? 0;
  const dayOf = input.dayOf ?? newYorkDateLookup();
  const curve = equitySeries(input.equityCurve);
  const times = curve.times;
  const first = times.length > 0 ? times[0] : 0;
  const last = times.length > 0 ? times[times.length - 1] : 0;
  const benchmark = input.benchmark && priceSeries(input.benchmark);
  return {
    ...curveStats(curve, riskFreeRate, dayOf, input.dailyEquity),
    tradeCount: input.trades.length,
    winRate: winRate(input.trades),
    profitFactor: profitFactor(input.trades),
    expectancy: expectancy(input.trades),
    exposure: exposure(input.trades, input.openPositions ?? [], first, last),
    benchmark:
      benchmark && benchmark.values.length > 0
        ? curveStats(benchmark, riskFreeRate, dayOf, input.dailyBenchmark)
        : null,
    convention: metricsConvention(riskFreeRate),
  };
}

export function metricsConvention(riskFreeRate: number): MetricsConvention {
  return {
    returns: 'fractions (0.05 = 5 %); total return = last / first value − 1',
    dailyResampling:
      'last curve point per trading day (New York calendar date); ' +
      'daily return = v[d] / v[d−1] − 1, so n days give n − 1 returns',
    periodsPerYear: TRADING_DAYS_PER_YEAR,
    riskFreeRate,
    annualizedReturn: '(1 + total return)^(252 / number of daily returns) − 1',
    sharpe:
      'mean(r − rf/252) / sample std (n − 1) of (r − rf/252) × √252 ' +
      'over daily returns; null if std is 0 or fewer than 2 returns',
    sortino: 'mean(r − rf/252) / √(Σ min(r − rf/252, 0)² / n) × √252; null without downside',
    maxDrawdown:
      'over every curve point: deepest fall from the running peak as a fraction ' +
      'of that peak, with its money amount, peak, trough, recovery and duration',
    calmar: 'annualized return / max drawdown fraction; null without drawdown',
    winRate: 'round trips with pnl > 0 / all round trips',
    profitFactor: 'sum of positive pnl / |sum of negative pnl|; null without losing trades',
    expectancy: 'mean net pnl per round trip, in account currency',
    exposure: 'fraction of the curve time span with at least one position open',
    benchmark:
      'buy-and-hold of the benchmark prices from the first to the last, with the same statistics',
  };
}
