import type { Portfolio } from '@ptp/contracts';
import { accountMetrics, chartData, position } from '../../testing/fixtures';
import { allocationSlices, equitySeries, kpiTiles } from './overview.view';

const portfolio: Portfolio = {
  accountId: 'default',
  startingCapital: '500',
  positionsValue: '112.3',
  totalPnlPct: '2.47',
  dayPnlPct: '-0.29',
  realizedPnl: '0',
  unrealizedPnl: '3.3',
  asOf: '2025-01-02T15:00:00.000Z',
  cash: '400.00',
  equity: '512.3456',
  buyingPower: '400.00',
  totalPnl: '12.35',
  dayPnl: '-1.5',
  positions: [
    position(),
    position({
      symbol: 'SPY',
      quantity: '0.1',
      avgCost: '590',
      costBasis: '59.00',
      lastPrice: '598',
      marketValue: '59.8',
      unrealizedPnl: '0.8',
      unrealizedPnlPct: '1.35',
      weight: '11.7',
    }),
  ],
};

describe('overview view', () => {
  it('formats the KPI tiles with signs and P&L tones', () => {
    const tiles = Object.fromEntries(kpiTiles(portfolio, accountMetrics()).map((t) => [t.id, t]));
    expect(tiles['equity'].value).toBe('$512.35');
    expect(tiles['total-pnl']).toMatchObject({ value: '+$12.35', tone: 'gain' });
    expect(tiles['day-pnl']).toMatchObject({ value: '-$1.50', tone: 'loss' });
    expect(tiles['sharpe'].value).toBe('1.23');
    expect(tiles['max-dd'].value).toBe('3.20%');
    expect(tiles['win-rate'].value).toBe('55.6%');
  });

  it('shows dashes, not zeros, before data arrives', () => {
    expect(kpiTiles(undefined, undefined).every((t) => t.value === '—')).toBe(true);
  });

  it('splits allocation into positions by market value, then cash', () => {
    expect(allocationSlices(portfolio)).toEqual([
      { label: 'SPY', value: 59.8 },
      { label: 'AAPL', value: 52.5 },
      { label: 'Cash', value: 400 },
    ]);
  });

  it('builds equity, buy-and-hold and cash lines, skipping missing benchmark points', () => {
    const [equity, benchmark, cash] = equitySeries(
      chartData({
        equity: [
          { time: 1, equity: 500, cash: 500, benchmark: null },
          { time: 2, equity: 505, cash: 450, benchmark: 502 },
        ],
      }),
      'ALL',
    );
    expect(equity.points).toEqual([
      { x: 1, y: 500 },
      { x: 2, y: 505 },
    ]);
    expect(benchmark.points).toEqual([{ x: 2, y: 502 }]);
    expect(cash.points.map((p) => p.y)).toEqual([500, 450]);
  });
});
