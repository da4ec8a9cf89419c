export const TRADING_DAYS_PER_YEAR = 252;

// Plain loops, summing left to right from 0 as a reduce would (the same result to the last bit):
// a report computes these over every daily return of two curves. Squares are `d * d`: `** 2` is a
// call into the C pow, whose exponent-2 case returns that same product.
export function mean(xs: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i];
  return sum / xs.length;
}

/** Sharpe and Sortino ratios of the same daily returns (null where undefined). */
export interface RiskAdjustedRatios {
  readonly sharpe: number | null;
  readonly sortino: number | null;
}

/**
 * Annualised Sharpe and Sortino of daily returns, from their excess over the daily risk-free rate
 * (taken once for both):
 * - Sharpe: mean excess / sample σ × √252; null when σ is 0 or undefined (below two days).
 * - Sortino: mean excess / downside deviation × √252, where the downside deviation is
 *   √(Σ min(excess, 0)² / n) over all n days; null when there is no downside, and below two days,
 *   where it would always be ±√252.
 */
export function riskAdjustedRatios(
  dailyReturns: Float64Array,
  annualRiskFree: number,
): RiskAdjustedRatios {
  const n = dailyReturns.length;
  if (n < 2) return { sharpe: null, sortino: null };
  const riskFree = annualRiskFree / TRADING_DAYS_PER_YEAR;
  // r − 0 is r to the bit: without a risk-free rate the returns are the excess.
  const excess = riskFree === 0 ? dailyReturns : dailyReturns.map((r) => r - riskFree);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += excess[i];
  const average = sum / n;
  let deviations = 0;
  let losses = 0;
  for (let i = 0; i < n; i++) {
    const d = excess[i] - average;
    deviations += d * d;
    const loss = Math.min(excess[i], 0);
    losses += loss * loss;
  }
  const sigma = Math.sqrt(deviations / (n - 1));
  const downside = Math.sqrt(losses / n);
  const annual = Math.sqrt(TRADING_DAYS_PER_YEAR);
  return {
    sharpe: sigma ? (average / sigma) * annual : null,
    sortino: downside > 0 ? (average / downside) * annual : null,
  };
}

/** Geometric annualisation over trading days: (1 + total)^(252 / days) − 1; null with no days. */
export function annualize(totalReturn: number, tradingDays: number): number | null {
  if (tradingDays === 0) return null;
  return Math.pow(1 + totalReturn, TRADING_DAYS_PER_YEAR / tradingDays) - 1;
}
