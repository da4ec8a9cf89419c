import fc from 'fast-check';
import { utcMonthStarts, utcMsToIsoDate } from '../calendar/calendar-date';
import { newYorkDate } from '../calendar/new-york-time';
import type { RoundTrip } from './metrics-types';
import {
  computePerformance,
  cumulativeReturns,
  evenSample,
  monthlyReturns,
  tradeStatistics,
} from './performance';
import { lastPerDay, seriesOf } from './series';

const H = 3_600_000;
const DAY = 24 * H;
const T0 = Date.UTC(2024, 0, 2, 15); // 10:00 New York
const trip = (symbol: string, pnl: number, exitHour: number, heldHours = 2): RoundTrip => ({
  symbol,
  entryTime: T0 + (exitHour - heldHours) * H,
  exitTime: T0 + exitHour * H,
  quantity: 1,
  entryPrice: 100,
  exitPrice: 100 + pnl,
  pnl,
  commission: 0,
});

describe('tradeStatistics', () => {
  it('counts wins and losses, averages them and finds the best, worst and longest losing streak', () => {
    const trades = [
      trip('AAPL', 10, 2),
      trip('AAPL', -4, 4),
      trip('MSFT', -2, 6, 4),
      trip('MSFT', 0, 7, 1),
      trip('AAPL', -3, 9),
      trip('MSFT', 6, 10),
    ];
    expect(tradeStatistics(trades)).toEqual({
      count: 6,
      wins: 2,
      losses: 3,
      winRate: 2 / 6,
      averageWin: 8,
      averageLoss: -3,
      profitFactor: 16 / 9,
      expectancy: 7 / 6,
      averageHoldingMs: 7_800_000, // 13 h / 6
      bestTrade: 10,
      worstTrade: -4,
      longestLosingStreak: 2,
    });
  });

  it('orders the streak by exit time, not by the order given', () => {
    const trades = [trip('A', -1, 1), trip('A', 5, 2), trip('A', -1, 3)].reverse();
    expect(tradeStatistics(trades).longestLosingStreak).toBe(1);
  });

  it('has nulls and zeros without trades', () => {
    expect(tradeStatistics([])).toEqual({
      count: 0,
      wins: 0,
      losses: 0,
      winRate: null,
      averageWin: null,
      averageLoss: null,
      profitFactor: null,
      expectancy: null,
      averageHoldingMs: null,
      bestTrade: null,
      worstTrade: null,
      longestLosingStreak: 0,
    });
  });
});

describe('computePerformance', () => {
  const curve = [
    { time: T0, equity: 100 },
    { time: T0 + H, equity: 104 },
    { time: T0 + DAY, equity: 102 },
    { time: Date.UTC(2024, 1, 1, 15), equity: 110 },
    { time: Date.UTC(2024, 1, 2, 15), equity: 99 },
  ];

  it('gives daily P&L from end-of-day equity, the first day against the first point', () => {
    expect(computePerformance({ equityCurve: curve, trades: [] }).dailyPnl).toEqual([
      { date: '2024-01-02', pnl: 4 },
      { date: '2024-01-03', pnl: -2 },
      { date: '2024-02-01', pnl: 8 },
      { date: '2024-02-02', pnl: -11 },
    ]);
  });

  it('gives monthly returns from month-end equity, the first month against the first point', () => {
    const months = computePerformance({ equityCurve: curve, trades: [] }).monthlyReturns;
    expect(months.map((m) => m.month)).toEqual(['2024-01', '2024-02']);
    expect(months[0].return).toBeCloseTo(0.02, 12);
    expect(months[1].return).toBeCloseTo(99 / 102 - 1, 12);
  });

  it('sums P&L per symbol, highest first', () => {
    const trades = [trip('AAPL', 10, 2), trip('MSFT', -2, 3), trip('AAPL', -4, 4)];
    expect(computePerformance({ equityCurve: curve, trades }).symbolPnl).toEqual([
      { symbol: 'AAPL', pnl: 6, trades: 2, wins: 1 },
      { symbol: 'MSFT', pnl: -2, trades: 1, wins: 0 },
    ]);
  });

  it('sets the cumulative return against buy-and-hold from the price at or before each point', () => {
    const benchmark = [
      { time: T0 + H / 2, price: 50 },
      { time: T0 + DAY, price: 55 },
    ];
    expect(
      cumulativeReturns(
        seriesOf(curve.slice(0, 3), (p) => p.equity),
        seriesOf(benchmark, (p) => p.price),
      ),
    ).toEqual([
      { time: T0, strategy: 0, benchmark: null },
      { time: T0 + H, strategy: expect.closeTo(0.04, 12), benchmark: 0 },
      { time: T0 + DAY, strategy: expect.closeTo(0.02, 12), benchmark: expect.closeTo(0.1, 12) },
    ]);
  });
});

describe('properties', () => {
  const equities = fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 80 });

  it('daily P&L adds up to the change of equity; monthly returns compound to the total return', () => {
    fc.assert(
      fc.property(equities, fc.integer({ min: 1, max: 20 }), (values, hoursApart) => {
        const equityCurve = values.map((equity, i) => ({ time: T0 + i * hoursApart * H, equity }));
        const report = computePerformance({ equityCurve, trades: [] });
        const total = report.dailyPnl.reduce((sum, d) => sum + d.pnl, 0);
        expect(total).toBeCloseTo(values[values.length - 1] - values[0], 6);
        const growth = report.monthlyReturns.reduce((g, m) => g * (1 + (m.return ?? 0)), 1);
        expect(growth).toBeCloseTo(values[values.length - 1] / values[0], 6);
      }),
    );
  });

  it('months end at the last point of their last day; a given daily resample changes nothing', () => {
    fc.assert(
      fc.property(equities, fc.integer({ min: 1, max: 400 }), (values, hoursApart) => {
        const equityCurve = values.map((equity, i) => ({ time: T0 + i * hoursApart * H, equity }));
        const monthOf = (time: number) => newYorkDate(time).slice(0, 7);
        const monthEnds = equityCurve.filter(
          (p, i) => i === values.length - 1 || monthOf(equityCurve[i + 1].time) !== monthOf(p.time),
        );
        const report = computePerformance({ equityCurve, trades: [] });
        expect(report.monthlyReturns.map((m) => m.month)).toEqual(
          monthEnds.map((p) => monthOf(p.time)),
        );
        const ends = [values[0], ...monthEnds.map((p) => p.equity)];
        expect(report.monthlyReturns.map((m) => m.return)).toEqual(
          monthEnds.map((_, i) => ends[i + 1] / ends[i] - 1),
        );
        const dailyEquity = lastPerDay(
          seriesOf(equityCurve, (p) => p.equity),
          newYorkDate,
        );
        expect(computePerformance({ equityCurve, trades: [], dailyEquity })).toEqual(report);
      }),
    );
  });

  it('gives the same monthly returns from month starts the caller knows as from the dates', () => {
    fc.assert(
      fc.property(equities, fc.integer({ min: 1, max: 40 }), (values, daysApart) => {
        // Daily bar times (00:00 UTC), dated by their UTC date.
        const times = Float64Array.from(
          values,
          (_, i) => Date.UTC(2023, 11, 20) + i * daysApart * DAY,
        );
        const curve = { times, values: Float64Array.from(values) };
        const days = lastPerDay(curve, utcMsToIsoDate);
        const monthStarts = utcMonthStarts(times) ?? [];
        expect(monthlyReturns(curve, utcMsToIsoDate, { ...days, monthStarts })).toEqual(
          monthlyReturns(curve, utcMsToIsoDate, days),
        );
      }),
    );
  });
  it('per-symbol P&L sums to the trades; wins, losses and streaks stay within the count', () => {
    const trade = fc.record({
      symbol: fc.constantFrom('A', 'B', 'C'),
      pnl: fc.integer({ min: -50, max: 50 }),
      exitHour: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.array(trade, { maxLength: 60 }), (rows) => {
        const trades = rows.map((r) => trip(r.symbol, r.pnl, r.exitHour, 1));
        const report = computePerformance({ equityCurve: [], trades });
        const sum = report.symbolPnl.reduce((s, r) => s + r.pnl, 0);
        expect(sum).toBe(trades.reduce((s, t) => s + t.pnl, 0));
        const stats = report.trades;
        expect(stats.wins + stats.losses).toBeLessThanOrEqual(stats.count);
        expect(stats.longestLosingStreak).toBeLessThanOrEqual(stats.losses);
        if (stats.count > 0) expect(stats.worstTrade).toBeLessThanOrEqual(stats.bestTrade ?? 0);
      }),
    );
  });

  it('samples at most the asked number of points, first and last kept, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 2, max: 600 }), (n, max) => {
        const indices = evenSample(n, max);
        expect(indices.length).toBe(Math.min(n, max));
        if (n > 0) expect([indices[0], indices[indices.length - 1]]).toEqual([0, n - 1]);
        indices.slice(1).forEach((index, i) => expect(index).toBeGreaterThan(indices[i]));
      }),
    );
  });
});
