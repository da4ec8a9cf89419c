import type { AccountPerformance, BacktestPerformance } from '@ptp/contracts';
import { performanceView } from './performance.view';

const trades = {
  count: 4,
  wins: 2,
  losses: 2,
  winRate: 0.5,
  averageWin: 3,
  averageLoss: -1.5,
  profitFactor: 2,
  expectancy: 0.75,
  averageHoldingMs: 5_400_000,
  bestTrade: 4,
  worstTrade: -2,
  longestLosingStreak: 2,
};

const live: AccountPerformance = {
  accountId: 'default',
  from: null,
  to: null,
  trades,
  dailyPnl: [
    { date: '2026-01-05', pnl: 2.5 },
    { date: '2026-01-06', pnl: -1 },
  ],
  monthlyReturns: [
    { month: '2025-12', return: -0.0123 },
    { month: '2026-01', return: 0.004 },
  ],
  symbolPnl: [
    { symbol: 'AAPL', pnl: 4, trades: 2, wins: 2 },
    { symbol: 'MSFT', pnl: -1, trades: 2, wins: 0 },
  ],
  cumulativeReturns: [
    { time: 1000, strategy: 0, benchmark: null },
    { time: 2000, strategy: 0.015, benchmark: -0.002 },
  ],
};

describe('performanceView', () => {
  it('shows the statistics as served, with signs on gains and losses', () => {
    const tiles = Object.fromEntries(performanceView(live).stats.map((t) => [t.id, t]));
    expect(tiles['trade-count'].value).toBe('4');
    expect(tiles['win-rate'].value).toBe('50.00%');
    expect(tiles['avg-win']).toEqual(expect.objectContaining({ value: '+$3.00', tone: 'gain' }));
    expect(tiles['avg-loss']).toEqual(expect.objectContaining({ value: '-$1.50', tone: 'loss' }));
    expect(tiles['profit-factor'].value).toBe('2.00');
    expect(tiles['avg-hold'].value).toBe('1h 30m 00s');
    expect(tiles['losing-streak'].value).toBe('2');
  });

  it('lays monthly returns out by year and month, empty where there is none', () => {
    const months = performanceView(live).months;
    expect(months.map((m) => m.year)).toEqual(['2025', '2026']);
    expect(months[0].cells[11]).toEqual({ month: '2025-12', text: '-1.23%', tone: 'loss' });
    expect(months[1].cells[0]).toEqual({ month: '2026-01', text: '+0.40%', tone: 'gain' });
    expect(months[1].cells[1]).toEqual({ month: '2026-02', text: '', tone: 'none' });
  });

  it('plots returns in percent and skips buy-and-hold before its first price', () => {
    const view = performanceView(live);
    expect(view.strategy).toEqual([
      { x: 1000, y: 0 },
      { x: 2000, y: 1.5 },
    ]);
    expect(view.benchmark).toEqual([{ x: 2000, y: -0.2 }]);
    expect(view.daily).toEqual([
      { x: Date.UTC(2026, 0, 5), y: 2.5 },
      { x: Date.UTC(2026, 0, 6), y: -1 },
    ]);
    expect(view.symbols[1]).toEqual({
      symbol: 'MSFT',
      pnl: '-$1.00',
      tone: 'loss',
      trades: 2,
      wins: 0,
    });
  });

  it('reads a backtest report, whose times are bar times', () => {
    const backtest: BacktestPerformance = {
      ...live,
      trades: { ...trades, profitFactor: null, losses: 0 },
      cumulativeReturns: [{ time: '2024-03-01', strategy: 0.1, benchmark: 0.05 }],
    };
    const view = performanceView(backtest);
    expect(view.strategy).toEqual([{ x: Date.UTC(2024, 2, 1), y: 10 }]);
    expect(view.stats.find((t) => t.id === 'profit-factor')?.value).toBe('∞');
  });
});
