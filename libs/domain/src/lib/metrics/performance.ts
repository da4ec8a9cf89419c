import { newYorkDateLookup } from '../calendar/new-york-day-cache';
import { lastPerDay, type TimedValue } from './daily-returns';
import type { EquityPoint, MetricsInput, PricePoint, RoundTrip } from './metrics-types';
import type {
  CumulativeReturnPoint,
  DailyPnl,
  MonthlyReturn,
  PerformanceReport,
  SymbolPnl,
  TradeStatistics,
} from './performance-types';
import { mean } from './ratios';
import { expectancy, profitFactor, winRate } from './trade-stats';

/** Points of the cumulative-return series a report carries by default. */
export const PERFORMANCE_CURVE_POINTS = 500;

const meanOrNull = (xs: readonly number[]): number | null => (xs.length === 0 ? null : mean(xs));

export function tradeStatistics(trades: readonly RoundTrip[]): TradeStatistics {
  const pnls = trades.map((t) => t.pnl);
  const wins = pnls.filter((p) => p > 0);
  const losses = pnls.filter((p) => p < 0);
  let streak = 0;
  let longest = 0;
  for (const trade of [...trades].sort((a, b) => a.exitTime - b.exitTime)) {
    streak = trade.pnl < 0 ? streak + 1 : 0;
    longest = Math.max(longest, streak);
  }
  return {
    count: trades.length,
    wins: wins.length,
    losses: losses.length,
    winRate: winRate(trades),
    averageWin: meanOrNull(wins),
    averageLoss: meanOrNull(losses),
    profitFactor: profitFactor(trades),
    expectancy: expectancy(trades),
    averageHoldingMs: meanOrNull(trades.map((t) => t.exitTime - t.entryTime)),
    bestTrade: pnls.length === 0 ? null : Math.max(...pnls),
    worstTrade: pnls.length === 0 ? null : Math.min(...pnls),
    longestLosingStreak: longest,
  };
}

export function dailyPnl(
  curve: readonly EquityPoint[],
  dayOf: (t: number) => string,
  days: readonly EquityPoint[] = lastPerDay(curve, dayOf),
): DailyPnl[] {
  let previous = curve[0]?.equity ?? 0;
  return days.map((point) => {
    const pnl = point.equity - previous;
    previous = point.equity;
    return { date: dayOf(point.time), pnl };
  });
}

/**
 * A month's last point is its last day's last point: resampling the days (`lastPerDay` of the curve)
 * takes each date once per day rather than once per point.
 */
export function monthlyReturns(
  curve: readonly EquityPoint[],
  dayOf: (t: number) => string,
  days: readonly EquityPoint[] = lastPerDay(curve, dayOf),
): MonthlyReturn[] {
  let previous = curve[0]?.equity ?? 0;
  const rows: MonthlyReturn[] = [];
  let month = '';
  let last: EquityPoint | undefined;
  const close = (point: EquityPoint) => {
    rows.push({ month, return: previous > 0 ? point.equity / previous - 1 : null });
    previous = point.equity;
  };
  for (const point of days) {
    const date = dayOf(point.time);
    // Dates are `YYYY-MM-DD`: a day of the same month starts with its `YYYY-MM`.
    if (last === undefined || !date.startsWith(month)) {
      if (last !== undefined) close(last);
      month = date.slice(0, 7);
    }
    last = point;
  }
  if (last !== undefined) close(last);
  return rows;
}

export function symbolPnl(trades: readonly RoundTrip[]): SymbolPnl[] {
  const bySymbol = new Map<string, SymbolPnl>();
  for (const trade of trades) {
    const row = bySymbol.get(trade.symbol) ?? { symbol: trade.symbol, pnl: 0, trades: 0, wins: 0 };
    bySymbol.set(trade.symbol, {
      symbol: trade.symbol,
      pnl: row.pnl + trade.pnl,
      trades: row.trades + 1,
      wins: row.wins + (trade.pnl > 0 ? 1 : 0),
    });
  }
  return [...bySymbol.values()].sort((a, b) => b.pnl - a.pnl || a.symbol.localeCompare(b.symbol));
}

/** Indices of at most `max` points spread evenly over `length`, the first and last included. */
export function evenSample(length: number, max: number): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  if (max < 2) return length > 0 ? [length - 1] : [];
  const step = (length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => Math.round(i * step));
}

/** The cumulative return of a value curve against buy-and-hold, at most `maxPoints` of it. */
export function cumulativeReturns(
  curve: readonly TimedValue[],
  benchmark: readonly PricePoint[],
  maxPoints = PERFORMANCE_CURVE_POINTS,
): CumulativeReturnPoint[] {
  return cumulativeReturnsOf(curve, (p) => p.value, benchmark, maxPoints);
}

/** `valueOf` reads a point's value, so an equity curve is sampled as it is, without a copy. */
function cumulativeReturnsOf<T extends { readonly time: number }>(
  curve: readonly T[],
  valueOf: (point: T) => number,
  benchmark: readonly PricePoint[],
  maxPoints: number,
): CumulativeReturnPoint[] {
  const start = curve.length > 0 ? valueOf(curve[0]) : 0;
  const base = benchmark[0]?.price ?? 0;
  let b = -1;
  const points: CumulativeReturnPoint[] = [];
  const indices = evenSample(curve.length, maxPoints);
  for (const i of indices) {
    const time = curve[i].time;
    const value = valueOf(curve[i]);
    while (b + 1 < benchmark.length && benchmark[b + 1].time <= time) b++;
    points.push({
      time,
      strategy: start > 0 ? value / start - 1 : 0,
      benchmark: b >= 0 && base > 0 ? benchmark[b].price / base - 1 : null,
    });
  }
  return points;
}

/**
 * The performance breakdowns of an equity curve and its round trips (docs/metrics.md): trade
 * statistics, daily P&L, monthly returns, P&L per symbol and cumulative return against buy-and-hold.
 */
export function computePerformance(
  input: Pick<MetricsInput, 'equityCurve' | 'trades' | 'benchmark' | 'dayOf' | 'dailyEquity'>,
  maxPoints = PERFORMANCE_CURVE_POINTS,
): PerformanceReport {
  const dayOf = input.dayOf ?? newYorkDateLookup();
  const curve = input.equityCurve;
  const days = input.dailyEquity ?? lastPerDay(curve, dayOf);
  return {
    trades: tradeStatistics(input.trades),
    dailyPnl: dailyPnl(curve, dayOf, days),
    monthlyReturns: monthlyReturns(curve, dayOf, days),
    symbolPnl: symbolPnl(input.trades),
    cumulativeReturns: cumulativeReturnsOf(
      curve,
      (p) => p.equity,
      input.benchmark ?? [],
      maxPoints,
    ),
  };
}
