import type { ChartData } from '@ptp/contracts';
import { downsampleChartData } from './chart-downsampling';

function chart(points: number, incremental = false): ChartData {
  const times = Array.from({ length: points }, (_, i) => 1_767_625_380_000 + i * 60_000);
  return {
    accountId: 'default',
    asOf: 1,
    incremental,
    startingCapital: 500,
    benchmarkSymbol: 'SPY',
    symbols: ['SPY'],
    equity: times.map((time, i) => ({
      time,
      equity: 500 + Math.sin(i / 50),
      cash: 500,
      benchmark: null,
    })),
    prices: { SPY: times.map((time, i) => ({ time, close: 600 + Math.cos(i / 40) })) },
    fills: times.map((time, i) => ({
      time,
      symbol: 'SPY',
      side: 'buy',
      price: 600,
      quantity: 1,
      orderId: `o${i}`,
      tradeId: `t${i}`,
    })),
  };
}

describe('downsampleChartData', () => {
  it('cuts every series of a full answer to the maximum, keeping both ends and the newest fills', () => {
    const full = chart(10_000);
    const out = downsampleChartData(full, 2_000);
    expect(out.equity).toHaveLength(2_000);
    expect(out.prices['SPY']).toHaveLength(2_000);
    expect(out.fills).toHaveLength(2_000);
    expect(out.equity[0]).toBe(full.equity[0]);
    expect(out.equity[1_999]).toBe(full.equity[9_999]);
    expect(out.fills[0].tradeId).toBe('t8000');
    expect({ ...out, equity: [], prices: {}, fills: [] }).toEqual({
      ...full,
      equity: [],
      prices: {},
      fills: [],
    });
  });

  it('leaves short answers and every increment as they are', () => {
    const short = chart(1_500);
    expect(downsampleChartData(short, 2_000)).toBe(short);
    const increment = chart(5_000, true);
    expect(downsampleChartData(increment, 2_000)).toBe(increment);
  });
});
