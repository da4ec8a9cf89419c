import { DailyLossGuard } from './daily-loss-guard';
import { DEFAULT_RISK_CONFIG } from './risk-config';

const risk = { ...DEFAULT_RISK_CONFIG, dailyLossLimitPct: 2 };

describe('DailyLossGuard', () => {
  it('breaches once at the limit, stays breached for the session and clears on the next', () => {
    const guard = new DailyLossGuard();
    guard.startSession('2024-01-02', 10_000);
    expect(guard.update(9_801, risk)).toBe(false);
    expect(guard.update(9_800, risk)).toBe(true);
    expect(guard.update(9_000, risk)).toBe(false);
    expect(guard.update(10_500, risk)).toBe(false);
    expect(guard.breach(9_700, risk)).toEqual({ limit: 200, loss: 300 });
    guard.startSession('2024-01-03', 9_700);
    expect(guard.breached).toBe(false);
    expect(guard.dayPnl(9_750)).toBe(50);
  });

  it('hands out its state as a copy that a later session leaves as it was', () => {
    const guard = new DailyLossGuard({ date: '2024-01-02', startEquity: 10_000, breached: false });
    const before = guard.current;
    guard.update(9_000, risk);
    guard.startSession('2024-01-03', 9_000);
    expect(before).toEqual({ date: '2024-01-02', startEquity: 10_000, breached: false });
    expect(guard.current).toEqual({ date: '2024-01-03', startEquity: 9_000, breached: false });
  });
});
