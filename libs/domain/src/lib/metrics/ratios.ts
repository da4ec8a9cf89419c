export const TRADING_DAYS_PER_YEAR = 252;

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Sample standard deviation (n − 1); null below two observations. */
export function sampleStdDev(xs: readonly number[]): number | null {
  if (xs.length < 2) return null;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((sum, x) => sum + (x - m) ** 2, 0) / (xs.length - 1));
}

const dailyRiskFree = (annualRate: number): number => annualRate / TRADING_DAYS_PER_YEAR;

/**
 * Annualised Sharpe of daily returns: mean excess / sample σ × √252; null when σ is 0 or undefined.
 */
export function sharpeRatio(
  dailyReturns: readonly number[],
  annualRiskFree: number,
): number | null {
  const excess = dailyReturns.map((r) => r - dailyRiskFree(annualRiskFree));
  const sigma = sampleStdDev(excess);
  return sigma ? (mean(excess) / sigma) * Math.sqrt(TRADING_DAYS_PER_YEAR) : null;
}

/**
 * Annualised Sortino of daily returns: mean excess / downside deviation × √252, where the downside
 * deviation is √(Σ min(excess, 0)² / n) over all n days; null when there is no downside, and below
 * two days, where it would always be ±√252 (like Sharpe, which needs two for its σ).
 */
export function sortinoRatio(
  dailyReturns: readonly number[],
  annualRiskFree: number,
): number | null {
  const excess = dailyReturns.map((r) => r - dailyRiskFree(annualRiskFree));
  if (excess.length < 2) return null;
  const downside = Math.sqrt(
    excess.reduce((sum, x) => sum + Math.min(x, 0) ** 2, 0) / excess.length,
  );
  return downside > 0 ? (mean(excess) / downside) * Math.sqrt(TRADING_DAYS_PER_YEAR) : null;
}

/** Geometric annualisation over trading days: (1 + total)^(252 / days) − 1; null with no days. */
export function annualize(totalReturn: number, tradingDays: number): number | null {
  if (tradingDays === 0) return null;
  return Math.pow(1 + totalReturn, TRADING_DAYS_PER_YEAR / tradingDays) - 1;
}
