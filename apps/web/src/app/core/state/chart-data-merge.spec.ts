import { chartData, fill } from '../../testing/fixtures';
import { MAX_POINTS_PER_SERIES, mergeChartData } from './chart-data-merge';

const base = chartData({
  asOf: 2,
  equity: [
    { time: 1, equity: 500, cash: 500, benchmark: 500 },
    { time: 2, equity: 501, cash: 450, benchmark: 502 },
  ],
  prices: {
    SPY: [
      { time: 1, close: 600 },
      { time: 2, close: 601 },
    ],
  },
  fills: [fill({ time: 2, price: 601 })],
});

describe('mergeChartData', () => {
  it('appends only points newer than what is held, per series, and adds new fills once', () => {
    const merged = mergeChartData(
      base,
      chartData({
        asOf: 3,
        incremental: true,
        symbols: ['SPY', 'QQQ'],
        equity: [
          { time: 2, equity: 501, cash: 450, benchmark: 502 },
          { time: 3, equity: 503, cash: 450, benchmark: 503 },
        ],
        prices: { SPY: [{ time: 3, close: 603 }], QQQ: [{ time: 3, close: 500 }] },
        fills: [
          base.fills[0],
          fill({ time: 3, side: 'sell', price: 603, tradeId: 't2', orderId: 'o2' }),
        ],
      }),
    );
    expect(merged.asOf).toBe(3);
    expect(merged.equity.map((p) => p.time)).toEqual([1, 2, 3]);
    expect(merged.prices['SPY'].map((p) => p.close)).toEqual([600, 601, 603]);
    expect(merged.prices['QQQ']).toHaveLength(1);
    expect(merged.fills.map((f) => f.side)).toEqual(['buy', 'sell']);
    expect(merged.symbols).toEqual(['SPY', 'QQQ']);
  });

  it('takes a full (non-incremental) answer whole', () => {
    expect(mergeChartData(undefined, base)).toBe(base);
    const full = chartData({
      asOf: 9,
      equity: [{ time: 9, equity: 480, cash: 480, benchmark: null }],
    });
    expect(mergeChartData(base, full)).toBe(full);
  });

  it('bounds how much history the browser keeps', () => {
    const long = Array.from({ length: MAX_POINTS_PER_SERIES + 10 }, (_, i) => ({
      time: i + 10,
      equity: i,
      cash: 0,
      benchmark: null,
    }));
    const merged = mergeChartData(base, chartData({ asOf: 99, incremental: true, equity: long }));
    expect(merged.equity).toHaveLength(MAX_POINTS_PER_SERIES);
    expect(merged.equity[merged.equity.length - 1].time).toBe(MAX_POINTS_PER_SERIES + 19);
  });
});
