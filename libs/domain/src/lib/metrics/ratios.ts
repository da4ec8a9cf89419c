export const TRADING_DAYS_PER_YEAR = 252;

// Plain loops, summing left to right from 0 as a reduce would (the same result to the last bit):
// a report computes these over every daily return of two curves. Squares are `d * d`: `** 2` is a
// call into the C pow, whose exponent-2 case returns that same product.
export function mean(xs: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i];
  return sum / xs.length;
}

/** Sample standard deviation (n − 1); null below two observations. */
export function sampleStdDev(xs: readonly number[]): number | null {
  if (xs.length < 2) return null;
  const m = mean(xs);
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = xs[i] - m;
    sum += d * d;
  }
  return Math.sqrt(sum / (xs.length - 1));
}

const dailyRiskFree = (annualRate: number): number => annualRate / TRADING_DAYS_PER_YEAR;

function excessReturns(dailyReturns: readonly number[], annualRiskFree: number): number[] {
  const riskFree = dailyRiskFree(annualRiskFree);
  const excess = new Array<number>(dailyReturns.length);
  for (let i = 0; i < dailyReturns.length; i++) excess[i] = dailyReturns[i] - riskFree;
  return excess;
}

/**
 * Annualised Sharpe of daily returns: mean excess / sample σ × √252; null when σ is 0 or undefined.
 */
export function sharpeRatio(
  dailyReturns: readonly number[],
  annualRiskFree: number,
): number | null {
  const excess = excessReturns(dailyReturns, annualRiskFree);
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
  const excess = excessReturns(dailyReturns, annualRiskFree);
  if (excess.length < 2) return null;
  let squares = 0;
  for (let i = 0; i < excess.length; i++) {
    const loss = Math.min(excess[i], 0);
    squares += loss * loss;
  }
  const downside = Math.sqrt(squares / excess.length);
  return downside > 0 ? (mean(excess) / downside) * Math.sqrt(TRADING_DAYS_PER_YEAR) : null;
}

/** Geometric annualisation over trading days: (1 + total)^(252 / days) − 1; null with no days. */
export function annualize(totalReturn: number, tradingDays: number): number | null {
  if (tradingDays === 0) return null;
  return Math.pow(1 + totalReturn, TRADING_DAYS_PER_YEAR / tradingDays) - 1;
}
