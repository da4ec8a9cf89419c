import type { Account } from '@ptp/contracts';
import { accountMetrics, chartData } from '../../testing/fixtures';
import { accountReturnPct, comparisonLines, comparisonRows } from './account-comparison';

const account = (overrides: Partial<Account>): Account => ({
  id: 'default',
  name: 'Main',
  isDefault: true,
  startingCapital: '500',
  cash: '450',
  equity: '525',
  totalPnl: '25',
  sessionState: 'idle',
  strategy: null,
  createdAt: '2025-01-02T15:00:00.000Z',
  ...overrides,
});

describe('accounts comparison', () => {
  it('computes the return since inception from equity and starting capital', () => {
    expect(accountReturnPct(account({}))).toBe(5);
    expect(accountReturnPct(account({ startingCapital: '0' }))).toBeNull();
  });

  it('puts accounts of different sizes on one scale: equity as % of their starting capital', () => {
    const lines = comparisonLines(
      [account({}), account({ id: 'big', name: 'Big' }), account({ id: 'none', name: 'Unloaded' })],
      {
        default: chartData({
          startingCapital: 500,
          equity: [
            { time: 1, equity: 500, cash: 500, benchmark: null },
            { time: 2, equity: 550, cash: 0, benchmark: null },
          ],
        }),
        big: chartData({
          startingCapital: 10_000,
          equity: [
            { time: 1, equity: 10_000, cash: 0, benchmark: null },
            { time: 2, equity: 9_500, cash: 0, benchmark: null },
          ],
        }),
      },
    );
    expect(lines.map((l) => [l.label, l.points.map((p) => Number(p.y.toFixed(6)))])).toEqual([
      ['Main', [100, 110]],
      ['Big', [100, 95]],
    ]);
  });

  it("lists the compared accounts' metrics as the trading core reports them, signed", () => {
    const rows = comparisonRows([account({}), account({ id: 'off', name: 'Not compared' })], {
      default: {
        chart: chartData(),
        metrics: accountMetrics({ totalReturn: -0.0125, winRate: 0.5, profitFactor: 1.5 }),
      },
    });
    expect(rows).toEqual([
      expect.objectContaining({
        id: 'default',
        totalReturn: '-1.25%',
        returnTone: 'loss',
        sharpe: '1.23',
        maxDrawdown: '3.20%',
        winRate: '50.0%',
        profitFactor: '1.50',
      }),
    ]);
  });
});
