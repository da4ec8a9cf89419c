import { newYorkDateLookup } from '../calendar/new-york-day-cache';
import type { DailySeries, MetricsInput, RoundTrip, Series } from './metrics-types';
import type {
  CumulativeReturnPoint,
  DailyPnl,
  MonthlyReturn,
  PerformanceReport,
  SymbolPnl,
  TradeStatistics,
} from './performance-types';
import { mean } from './ratios';
import { equitySeries, lastPerDay, priceSeries } from './series';
import { expectancy, profitFactor, winRate } from './trade-stats';

/** Points of the cumulative-return series a report carries by default. */
export const PERFORMANCE_CURVE_POINTS = 500;

const NO_PRICES: Series = { times: new Float64Array(0), values: new Float64Array(0) };

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
  curve: Series,
  dayOf: (t: number) => string,
  days: DailySeries = lastPerDay(curve, dayOf),
): DailyPnl[] {
  let previous = curve.values.length > 0 ? curve.values[0] : 0;
  // Sized once: a daily run has a row per bar.
  const rows = new Array<DailyPnl>(days.times.length);
  for (let i = 0; i < rows.length; i++) {
    const equity = days.values[i];
    rows[i] = { date: days.dates[i], pnl: equity - previous };
    previous = equity;
  }
  return rows;
}

/**
 * A month's last point is its last day's last point: resampling the days (`lastPerDay` of the curve)
 * takes each date once per day rather than once per point.
 */
export function monthlyReturns(
  curve: Series,
  dayOf: (t: number) => string,
  days: DailySeries = lastPerDay(curve, dayOf),
): MonthlyReturn[] {
  const starts = days.monthStarts ?? monthStartsOf(days.dates);
  let previous = curve.values.length > 0 ? curve.values[0] : 0;
  const rows: MonthlyReturn[] = [];
  for (let m = 0; m < starts.length; m++) {
    const equity = days.values[m + 1 < starts.length ? starts[m + 1] - 1 : days.values.length - 1];
    const month = days.dates[starts[m]].slice(0, 7);
    rows.push({ month, return: previous > 0 ? equity / previous - 1 : null });
    previous = equity;
  }
  return rows;
}

/** The indices of the days that begin a month, the first day's included. */
function monthStartsOf(dates: readonly string[]): number[] {
  const starts: number[] = [];
  let month = '';
  for (let i = 0; i < dates.length; i++) {
    // Dates are `YYYY-MM-DD`: a day of the same month starts with its `YYYY-MM`.
    if (i === 0 || !dates[i].startsWith(month)) {
      starts.push(i);
      month = dates[i].slice(0, 7);
    }
  }
  return starts;
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
  if (length > max && max < 2) return length > 0 ? [length - 1] : [];
  const step = length <= max ? 1 : (length - 1) / (max - 1);
  // A loop into an array sized once: Array.from over `{ length }` took twenty times as long.
  const indices = new Array<number>(Math.min(length, max));
  for (let i = 0; i < indices.length; i++) indices[i] = Math.round(i * step);
  return indices;
}

/** The cumulative return of a value curve against buy-and-hold, at most `maxPoints` of it. */
export function cumulativeReturns(
  curve: Series,
  benchmark: Series,
  maxPoints = PERFORMANCE_CURVE_POINTS,
): CumulativeReturnPoint[] {
  const { times, values } = curve;
  const prices = benchmark.values;
  const start = values.length > 0 ? values[0] : 0;
  const base = prices.length > 0 ? prices[0] : 0;
  let b = -1;
  const points: CumulativeReturnPoint[] = [];
  for (const i of evenSample(times.length, maxPoints)) {
    const time = times[i];
    while (b + 1 < prices.length && benchmark.times[b + 1] <= time) b++;
    points.push({
      time,
      strategy: start > 0 ? values[i] / start - 1 : 0,
      benchmark: b >= 0 && base > 0 ? prices[b] / base - 1 : null,
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
  const curve = equitySeries(input.equityCurve);
  const days = input.dailyEquity ?? lastPerDay(curve, dayOf);
  const benchmark = input.benchmark ? priceSeries(input.benchmark) : NO_PRICES;
  return {
    trades: tradeStatistics(input.trades),
    dailyPnl: dailyPnl(curve, dayOf, days),
    monthlyReturns: monthlyReturns(curve, dayOf, days),
    symbolPnl: symbolPnl(input.trades),
    cumulativeReturns: cumulativeReturns(curve, benchmark, maxPoints),
  };
}
