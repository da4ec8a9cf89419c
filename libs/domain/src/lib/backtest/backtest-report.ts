import { adjustedBenchmark } from '../corporate-actions/adjusted-benchmark';
import type { CorporateActions } from '../corporate-actions/corporate-action-types';
import type { Fill } from '../ledger/fill';
import { utcMonthStarts } from '../calendar/calendar-date';
import { computeMetrics } from '../metrics/compute-metrics';
import { computePerformance } from '../metrics/performance';
import type { DailySeries, Drawdown, RoundTrip, Series } from '../metrics/metrics-types';
import { atDayEnds, curveDays, sameTimes } from '../metrics/series';
import { formatBarTime, isDailyBarTime, tradingDateLookup } from '../engine/session-clock';
import type { TradingEngine } from '../engine/trading-engine';
import type { BacktestDrawdownRow, BacktestReport } from './backtest-types';

/** The first symbol's closes, bought and held as the benchmark. */
export interface HeldBenchmark {
  readonly symbol: string;
  readonly closes: Series;
  /**
   * The date of each close as the engine wrote it, when every bar was a daily bar (each then a
   * trading day of its own); null otherwise.
   */
  readonly dates: readonly string[] | null;
}

/** What a run produced, for its report. */
export interface BacktestRun {
  readonly fills: Fill[];
  readonly trips: RoundTrip[];
  readonly curve: Series;
  readonly actions: CorporateActions;
}

/** report.json dates every time of a daily run, the drawdown's included, as `YYYY-MM-DD`. */
function drawdownRow(
  drawdown: Drawdown,
  formatTime: (time: number) => string,
): BacktestDrawdownRow {
  const at = (time: number | null) => (time === null ? null : formatTime(time));
  return {
    ...drawdown,
    peakTime: at(drawdown.peakTime),
    troughTime: at(drawdown.troughTime),
    recoveryTime: at(drawdown.recoveryTime),
  };
}

/** report.json of a run: its fills, round trips, final account, metrics, performance and curve. */
export function buildReport(
  engine: TradingEngine,
  held: HeldBenchmark,
  run: BacktestRun,
  riskFreeRate: number,
): BacktestReport {
  const ledger = engine.book;
  const dayOf = tradingDateLookup();
  const formatTime = (time: number) => (isDailyBarTime(time) ? dayOf(time) : formatBarTime(time));
  // Buy and hold through the same splits and dividends as the account.
  const benchmark = adjustedBenchmark(held.closes, run.actions, held.symbol, dayOf);
  const { dailyEquity, dailyBenchmark } = dailySeries(run.curve, held, benchmark, dayOf);
  const metrics = computeMetrics({
    equityCurve: run.curve,
    dailyEquity,
    dailyBenchmark,
    trades: run.trips,
    openPositions: engine
      .openRoundTrips()
      .map((t) => ({ symbol: t.symbol, entryTime: t.entryTime })),
    benchmark,
    riskFreeRate,
    dayOf,
  });
  const performance = computePerformance({
    equityCurve: run.curve,
    dailyEquity,
    trades: run.trips,
    benchmark,
    dayOf,
  });
  const daily = run.curve.times.length > 0 && isDailyBarTime(run.curve.times[0]);
  return {
    fills: run.fills.map((f) => ({
      time: formatTime(f.time),
      symbol: f.symbol,
      side: f.side,
      quantity: f.quantity,
      price: f.price,
      commission: f.commission,
    })),
    trades: run.trips.map((t) => ({
      ...t,
      entryTime: formatTime(t.entryTime),
      exitTime: formatTime(t.exitTime),
    })),
    finalEquity: ledger.equityDecimal().toNumber(),
    cash: ledger.cash.toNumber(),
    positions: ledger.positions(),
    metrics: {
      ...metrics,
      maxDrawdown: drawdownRow(metrics.maxDrawdown, formatTime),
      benchmark: metrics.benchmark && {
        ...metrics.benchmark,
        maxDrawdown: drawdownRow(metrics.benchmark.maxDrawdown, formatTime),
      },
    },
    performance: {
      ...performance,
      cumulativeReturns: performance.cumulativeReturns.map((p) => ({
        ...p,
        time: formatTime(p.time),
      })),
    },
    // Intraday runs report the last point of each trading day (metrics use every point).
    equityCurve: reportedCurve(daily ? run.curve : dailyEquity, dailyEquity, formatTime),
  };
}

function reportedCurve(
  curve: Series,
  days: DailySeries,
  formatTime: (time: number) => string,
): BacktestReport['equityCurve'] {
  // Each point the last of its day (a daily run): a daily bar's time is written as the date it has.
  const dated = days.times === curve.times;
  // Sized once: a daily run has a point per bar.
  const points: BacktestReport['equityCurve'] = new Array(curve.times.length);
  for (let i = 0; i < points.length; i++) {
    const time = curve.times[i];
    points[i] = {
      time: dated && isDailyBarTime(time) ? days.dates[i] : formatTime(time),
      equity: curve.values[i],
    };
  }
  return points;
}

/**
 * The last point of each trading day of the curve and of the benchmark, with their dates, read by
 * metrics, performance and the report. A daily run's dates are the engine's, each written once when
 * its day began, and its months are found from its times. Otherwise the curve's dates are taken in
 * one walk, and a benchmark with the curve's times (one symbol) shares them.
 */
function dailySeries(
  curve: Series,
  held: HeldBenchmark,
  benchmark: Series,
  dayOf: (time: number) => string,
): { dailyEquity: DailySeries; dailyBenchmark: DailySeries | undefined } {
  const shared = sameTimes(benchmark.times, curve.times);
  if (held.dates !== null && shared)
    return {
      dailyEquity: {
        times: curve.times,
        values: curve.values,
        dates: held.dates,
        monthStarts: utcMonthStarts(curve.times) ?? undefined,
      },
      dailyBenchmark: { times: benchmark.times, values: benchmark.values, dates: held.dates },
    };
  const days = curveDays(curve.times, dayOf);
  return {
    dailyEquity: atDayEnds(curve, days),
    dailyBenchmark: shared ? atDayEnds(benchmark, days) : undefined,
  };
}
