import { computeMetrics } from './compute-metrics';
import type { EquityPoint, RoundTrip } from './metrics-types';
import { annualize } from './ratios';

const DAY = 86_400_000;
// 21:00 UTC is 16:00 New York in winter: one point per trading day.
const dayClose = (i: number) => Date.UTC(2025, 0, 6) + 21 * 3_600_000 + i * DAY;
const daily = (values: number[]): EquityPoint[] =>
  values.map((equity, i) => ({ time: dayClose(i), equity }));

const trip = (pnl: number, entryDay = 0, exitDay = 1): RoundTrip => ({
  symbol: 'X',
  entryTime: dayClose(entryDay),
  exitTime: dayClose(exitDay),
  quantity: 1,
  entryPrice: 100,
  exitPrice: 100 + pnl,
  pnl,
  commission: 0,
});

describe('computeMetrics on a daily curve 100 → 110 → 99 → 108.9', () => {
  const report = computeMetrics({ equityCurve: daily([100, 110, 99, 108.9]), trades: [] });

  it('total return = 108.9 / 100 − 1 = 0.089 over 3 daily returns', () => {
    expect(report.totalReturn).toBeCloseTo(0.089, 12);
    expect(report.dailyReturns).toBe(3);
    expect(report.annualizedReturn).toBeCloseTo(Math.pow(1.089, 252 / 3) - 1, 6);
  });

  it('Sharpe: returns +0.1, −0.1, +0.1 → mean 1/30, sample σ √(0.04/3) → 4.5826 annualised', () => {
    expect(report.sharpe).toBeCloseTo(4.58257569495584, 10);
  });

  it('Sortino: downside deviation √(0.01 / 3) → 9.1652 annualised', () => {
    expect(report.sortino).toBeCloseTo(9.16515138991168, 10);
  });

  it('max drawdown 110 → 99: 11 in money, 10 % of peak, unrecovered after 2 days', () => {
    expect(report.maxDrawdown).toEqual({
      pct: expect.closeTo(0.1, 12),
      amount: expect.closeTo(11, 12),
      peakTime: dayClose(1),
      troughTime: dayClose(2),
      recoveryTime: null,
      durationMs: 2 * DAY,
    });
    expect(report.maxDrawdownAmount).toBeCloseTo(11, 12);
  });

  it('Calmar = annualised return / 0.1', () => {
    expect(report.calmar).toBeCloseTo((report.annualizedReturn as number) / 0.1, 6);
  });

  it('states its conventions', () => {
    expect(report.convention).toMatchObject({ periodsPerYear: 252, riskFreeRate: 0 });
    expect(report.convention.sharpe).toMatch(/sample std/);
  });
});

describe('computeMetrics details', () => {
  it('subtracts a daily risk-free rate of rf / 252 in Sharpe', () => {
    const report = computeMetrics({
      equityCurve: daily([100, 110, 99, 108.9]),
      trades: [],
      riskFreeRate: 0.0252,
    });
    // excess = r − 0.0001; σ unchanged, mean 1/30 − 0.0001.
    expect(report.sharpe).toBeCloseTo(4.568827967870972, 10);
    expect(report.convention.riskFreeRate).toBe(0.0252);
  });

  it('annualises geometrically over 252 trading days', () => {
    expect(annualize(0.21, 504)).toBeCloseTo(0.1, 12);
    expect(annualize(0.1, 252)).toBeCloseTo(0.1, 12);
    expect(annualize(0.1, 0)).toBeNull();
  });

  it('resamples an intraday curve to the last point of each New York trading day', () => {
    const curve: EquityPoint[] = [
      { time: Date.parse('2025-03-07T14:30:00Z'), equity: 100 },
      { time: Date.parse('2025-03-07T20:59:00Z'), equity: 105 },
      // 22:30 New York on Sunday the 9th (after the DST change) is still the 9th, not Monday.
      { time: Date.parse('2025-03-10T02:30:00Z'), equity: 999 },
      { time: Date.parse('2025-03-10T13:31:00Z'), equity: 90 },
      { time: Date.parse('2025-03-10T19:59:00Z'), equity: 126 },
    ];
    const report = computeMetrics({ equityCurve: curve, trades: [] });
    // Days: 7th → 105, 9th → 999, 10th → 126.
    expect(report.dailyReturns).toBe(2);
    expect(report.totalReturn).toBeCloseTo(0.26, 12);
    // The drawdown uses every point: 999 → 90.
    expect(report.maxDrawdown.pct).toBeCloseTo(909 / 999, 12);
    expect(report.maxDrawdown.recoveryTime).toBeNull();
  });

  it('records the recovery time and duration of a recovered drawdown', () => {
    const report = computeMetrics({ equityCurve: daily([100, 80, 90, 100, 120, 60]), trades: [] });
    expect(report.maxDrawdown).toMatchObject({
      pct: 0.5,
      amount: 60,
      peakTime: dayClose(4),
      troughTime: dayClose(5),
      recoveryTime: null,
    });
    const recovered = computeMetrics({ equityCurve: daily([100, 80, 90, 100, 120]), trades: [] });
    expect(recovered.maxDrawdown).toMatchObject({
      pct: 0.2,
      amount: 20,
      peakTime: dayClose(0),
      recoveryTime: dayClose(3),
      durationMs: 3 * DAY,
    });
  });

  it('reports the largest money drawdown separately from the deepest percentage one', () => {
    // 100 → 50 is −50 %, 1000 → 700 is −30 % but −300 in money.
    const report = computeMetrics({ equityCurve: daily([100, 50, 1000, 700]), trades: [] });
    expect(report.maxDrawdown).toMatchObject({ pct: 0.5, amount: 50 });
    expect(report.maxDrawdownAmount).toBe(300);
  });

  it('win rate, profit factor and expectancy from pnl 10, −5, 20, −5, 0', () => {
    const report = computeMetrics({
      equityCurve: daily([100, 120]),
      trades: [10, -5, 20, -5, 0].map((p) => trip(p)),
    });
    expect(report.tradeCount).toBe(5);
    expect(report.winRate).toBeCloseTo(2 / 5, 12);
    expect(report.profitFactor).toBeCloseTo(30 / 10, 12);
    expect(report.expectancy).toBeCloseTo(20 / 5, 12);
  });

  it('exposure is the union of holding intervals over the curve span', () => {
    const curve = daily(Array.from({ length: 11 }, () => 100));
    const trades = [trip(1, 1, 3), trip(1, 2, 5), trip(1, 8, 9)];
    expect(computeMetrics({ equityCurve: curve, trades }).exposure).toBeCloseTo(5 / 10, 12);
    const withOpen = computeMetrics({
      equityCurve: curve,
      trades,
      openPositions: [{ symbol: 'Y', entryTime: dayClose(9) + DAY / 2 }],
    });
    expect(withOpen.exposure).toBeCloseTo(5.5 / 10, 12);
  });

  it('computes the buy-and-hold benchmark with the same statistics', () => {
    const prices = [50, 55, 44, 66].map((price, i) => ({ time: dayClose(i), price }));
    const { benchmark } = computeMetrics({
      equityCurve: daily([100, 100, 100, 100]),
      trades: [],
      benchmark: prices,
    });
    expect(benchmark?.totalReturn).toBeCloseTo(0.32, 12);
    expect(benchmark?.maxDrawdown.pct).toBeCloseTo(0.2, 12);
    expect(benchmark?.dailyReturns).toBe(3);
  });

  it('reads the daily resample of the benchmark it is given rather than resampling again', () => {
    const prices = [50, 55, 44, 66].map((price, i) => ({ time: dayClose(i), price }));
    const dailyBenchmark = {
      times: Float64Array.from([dayClose(0), dayClose(3)]),
      values: Float64Array.from([50, 66]),
      dates: ['2025-01-06', '2025-01-09'],
    };
    const { benchmark } = computeMetrics({
      equityCurve: daily([100, 100, 100, 100]),
      trades: [],
      benchmark: prices,
      dailyBenchmark,
    });
    // One daily return (50 → 66) instead of three; the drawdown still walks every price.
    expect(benchmark?.dailyReturns).toBe(1);
    expect(benchmark?.maxDrawdown.pct).toBeCloseTo(0.2, 12);
  });
  it('gives no Sharpe or Sortino from a single daily return, which would only say ±√252', () => {
    const oneDay = computeMetrics({ equityCurve: daily([100, 97]), trades: [] });
    expect(oneDay).toMatchObject({ dailyReturns: 1, sharpe: null, sortino: null });
  });

  it('returns nulls rather than NaN or Infinity where a metric is undefined', () => {
    const flat = computeMetrics({ equityCurve: daily([100, 100, 100]), trades: [trip(5)] });
    expect(flat).toMatchObject({
      sharpe: null,
      sortino: null,
      calmar: null,
      profitFactor: null,
      totalReturn: 0,
      benchmark: null,
    });
    const empty = computeMetrics({ equityCurve: [], trades: [] });
    expect(empty).toMatchObject({
      start: null,
      totalReturn: null,
      annualizedReturn: null,
      winRate: null,
      expectancy: null,
      exposure: null,
    });
    expect(JSON.parse(JSON.stringify(empty))).toEqual(empty);
  });

  it('accepts a custom day grouping for curves stamped at 00:00 UTC', () => {
    const utcDay = (t: number) => new Date(t).toISOString().slice(0, 10);
    const curve = [0, 1, 2].map((i) => ({ time: Date.UTC(2025, 0, 6 + i), equity: 100 + i }));
    expect(computeMetrics({ equityCurve: curve, trades: [], dayOf: utcDay }).dailyReturns).toBe(2);
  });
});
