import { historyWindow, portfolioHistory } from './portfolio-history';

const T0 = Date.parse('2026-01-05T15:00:00Z');
const MIN = 60_000;

describe('portfolio history', () => {
  it('keeps the last snapshot of each bucket and measures P&L against the first', () => {
    const points = [
      { time: T0, equity: '1000.00' },
      { time: T0 + 2 * MIN, equity: '1010.00' },
      { time: T0 + 5 * MIN, equity: '990.00' },
      { time: T0 + 14 * MIN, equity: '1020.50' },
    ];
    const window = historyWindow(
      { timeframe: '5Min', start: new Date(T0).toISOString() },
      T0 + DAY,
    );
    expect(portfolioHistory(points, window)).toEqual({
      timestamp: [T0 / 1000, (T0 + 5 * MIN) / 1000, (T0 + 10 * MIN) / 1000],
      equity: [1010, 990, 1020.5],
      profit_loss: [0, -20, 10.5],
      profit_loss_pct: [0, -0.019802, 0.010396],
      base_value: 1010,
      timeframe: '5Min',
    });
  });

  it('defaults to a month of daily points and refuses what Alpaca refuses', () => {
    expect(historyWindow({}, T0)).toMatchObject({ from: T0 - 30 * DAY, timeframe: '1D' });
    expect(historyWindow({ period: '1W' }, T0).timeframe).toBe('15Min');
    expect(historyWindow({ period: '2D' }, T0).timeframe).toBe('1Min');
    expect(() => historyWindow({ period: 'week' }, T0)).toThrow(/period/);
    expect(() => historyWindow({ timeframe: '2Min' }, T0)).toThrow(/timeframe/);
    expect(() => historyWindow({ start: 'soon' }, T0)).toThrow(/start/);
  });
});

const DAY = 86_400_000;
