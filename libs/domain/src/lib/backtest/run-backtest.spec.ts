import { dailyBars } from '../engine/testing/daily-bars';
import { newYorkWallTimeToUtc } from '../calendar/new-york-time';
import { TradingEngine } from '../engine/trading-engine';
import { backtestEngineConfig, runBacktest } from './run-backtest';
import type { BacktestInput } from './backtest-types';

// ma-crossover 2/3: enters on 2024-01-06's close (bar 4), exits on 2024-01-08's (bar 6), enters
// again on bar 9's.
const BARS = dailyBars('ABC', [
  10,
  10,
  10,
  9,
  12,
  { open: 12.5, high: 13, low: 12, close: 12 },
  11,
  { open: 10, high: 10.5, low: 9.5, close: 10 },
  9,
  12,
  { open: 12.2, close: 13 },
  14,
]);

const input: BacktestInput = {
  bars: BARS,
  strategy: 'ma-crossover',
  params: { fast: 2, slow: 3 },
  capital: 1000,
  sizing: { mode: 'quantity', quantity: 4 },
  fees: { percent: 0.1 },
  slippageBps: 20,
  risk: null,
};

describe('runBacktest', () => {
  it('reports the performance breakdowns of its own round trips and curve', () => {
    const report = runBacktest(input);
    const { performance } = report;
    expect(performance.trades.count).toBe(report.trades.length);
    expect(performance.symbolPnl).toEqual([
      expect.objectContaining({ symbol: 'ABC', trades: 1, pnl: report.trades[0].pnl }),
    ]);
    expect(performance.trades.longestLosingStreak).toBe(1);
    const dailyTotal = performance.dailyPnl.reduce((sum, d) => sum + d.pnl, 0);
    const curve = report.equityCurve;
    expect(dailyTotal).toBeCloseTo(curve[curve.length - 1].equity - curve[0].equity, 9);
    expect(performance.monthlyReturns.map((m) => m.month)).toEqual(['2024-01']);
    const last = performance.cumulativeReturns[performance.cumulativeReturns.length - 1];
    expect(last.time).toBe(curve[curve.length - 1].time);
    expect(last.strategy).toBeCloseTo(curve[curve.length - 1].equity / curve[0].equity - 1, 12);
    expect(last.benchmark).toBeCloseTo(14 / 10 - 1, 12);
  });

  it('reports fills at the next open with slippage and commission, hand-computed', () => {
    const report = runBacktest(input);
    expect(report.fills).toEqual([
      {
        time: '2024-01-07',
        symbol: 'ABC',
        side: 'buy',
        quantity: 4,
        price: 12.525,
        commission: expect.closeTo(0.0501, 12),
      },
      {
        time: '2024-01-09',
        symbol: 'ABC',
        side: 'sell',
        quantity: 4,
        price: 9.98,
        commission: expect.closeTo(0.03992, 12),
      },
      {
        time: '2024-01-12',
        symbol: 'ABC',
        side: 'buy',
        quantity: 4,
        price: expect.closeTo(12.2244, 12),
        commission: expect.closeTo(0.0488976, 12),
      },
    ]);
    expect(report.trades).toEqual([
      {
        symbol: 'ABC',
        entryTime: '2024-01-07',
        exitTime: '2024-01-09',
        quantity: 4,
        entryPrice: 12.525,
        exitPrice: 9.98,
        commission: expect.closeTo(0.09002, 12),
        pnl: expect.closeTo((9.98 - 12.525) * 4 - 0.09002, 12),
      },
    ]);
    const cash = 1000 - 4 * 12.525 - 0.0501 + 4 * 9.98 - 0.03992 - 4 * 12.2244 - 0.0488976;
    expect(report.cash).toBeCloseTo(cash, 9);
    expect(report.positions).toEqual([
      {
        symbol: 'ABC',
        quantity: 4,
        averageCost: expect.closeTo(12.2244, 12),
        lastPrice: 14,
        marketValue: 56,
        unrealizedPnl: expect.closeTo(56 - 48.8976, 9),
      },
    ]);
    expect(report.finalEquity).toBeCloseTo(cash + 56, 9);
    expect(report.equityCurve).toHaveLength(BARS.length);
    expect(report.equityCurve[report.equityCurve.length - 1]).toEqual({
      time: '2024-01-13',
      equity: expect.closeTo(cash + 56, 9),
    });
    expect(report.metrics.tradeCount).toBe(1);
    expect(Object.keys(report)).toEqual([
      'fills',
      'trades',
      'finalEquity',
      'cash',
      'positions',
      'metrics',
      'performance',
      'equityCurve',
    ]);
  });

  it('dates the drawdown peak, trough and recovery of a daily run like its bars', () => {
    const { maxDrawdown, benchmark } = runBacktest(input).metrics;
    // Equity peaks at the 1000 it starts with and bottoms once the first trip's loss is booked
    // (2024-01-09).
    expect(maxDrawdown).toMatchObject({
      peakTime: '2024-01-02',
      troughTime: '2024-01-09',
      recoveryTime: null,
    });
    // Closes 12 (2024-01-06) → 9 (2024-01-10) → 12 again the next day.
    expect(benchmark?.maxDrawdown).toMatchObject({
      pct: 0.25,
      peakTime: '2024-01-06',
      troughTime: '2024-01-10',
      recoveryTime: '2024-01-11',
      durationMs: 5 * 86_400_000,
    });
  });

  it('keeps only bars inside [from, to] and reports progress up to 1', () => {
    const progress: number[] = [];
    const report = runBacktest({ ...input, from: '2024-01-03', to: '2024-01-09' }, (f) =>
      progress.push(f),
    );
    expect(report.equityCurve.map((p) => p.time)).toEqual([
      '2024-01-03',
      '2024-01-04',
      '2024-01-05',
      '2024-01-06',
      '2024-01-07',
      '2024-01-08',
      '2024-01-09',
    ]);
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('applies the risk limits unless risk is off', () => {
    const limited = runBacktest({ ...input, sizing: { mode: 'quantity', quantity: 50 }, risk: {} });
    expect(limited.fills).toEqual([]);
    const unlimited = runBacktest({ ...input, sizing: { mode: 'quantity', quantity: 50 } });
    expect(unlimited.fills.length).toBe(3);
  });

  it('stamps intraday fills in ISO-8601 and reports one equity point per session', () => {
    const minutes = BARS.map((bar, i) => ({
      ...bar,
      time: newYorkWallTimeToUtc(i < 6 ? '2025-03-03' : '2025-03-04', 570 + i),
    }));
    const report = runBacktest({ ...input, bars: minutes });
    expect(report.fills[0].time).toBe(new Date(minutes[5].time).toISOString());
    expect(report.equityCurve.map((p) => p.time)).toEqual([
      new Date(minutes[5].time).toISOString(),
      new Date(minutes[11].time).toISOString(),
    ]);
  });

  it("records a bar time's equity once every symbol's bar of that time is in, however long the run", () => {
    const days = 650;
    const closes = (price: (day: number) => number) =>
      Array.from({ length: days }, (_, day) => Math.round(100 * price(day)) / 100);
    const bars = [
      ...dailyBars(
        'AAA',
        closes((day) => 100 + 10 * Math.sin(day / 7)),
      ),
      ...dailyBars(
        'BBB',
        closes((day) => 50 + 5 * Math.cos(day / 5)),
      ),
    ];
    const run = { ...input, bars, capital: 100_000 };
    // The engine over every bar, its output taken once at the end.
    const engine = new TradingEngine(backtestEngineConfig(run, ['AAA', 'BBB']));
    for (const bar of [...bars].sort((a, b) => a.time - b.time || (a.symbol < b.symbol ? -1 : 1)))
      engine.onBar(bar);
    const whole = engine.takeOutput().equity.values;
    expect(runBacktest(run).equityCurve.map((p) => p.equity)).toEqual(whole);
  });
});
