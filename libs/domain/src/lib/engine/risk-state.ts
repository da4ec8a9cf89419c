import type { DailyLossGuard } from '../risk/daily-loss-guard';
import type { DayTradeCounter, DayTradeWindow } from '../risk/day-trades';
import type { RiskConfig } from '../risk/risk-config';

/** The daily loss limit as the engine enforces it, at the current equity. */
export interface RiskState {
  /** The session (`YYYY-MM-DD`) the start-of-day equity belongs to; null before the first one. */
  readonly sessionDate: string | null;
  readonly startOfDayEquity: number;
  /** Equity now minus the start-of-day equity (0 before the first session). */
  readonly dayPnl: number;
  /** The loss that breaches the limit, in dollars; null when no risk rules apply. */
  readonly dailyLossLimit: number | null;
  /** The loss since the start of the day in dollars, 0 when the day is up. */
  readonly dailyLoss: number;
  /** The limit was reached this session; the guard stays breached until the next one. */
  readonly breached: boolean;
  /** New entries are refused (the limit is breached and risk rules apply). */
  readonly entriesBlocked: boolean;
  readonly openPositions: number;
  /** Day trades in the pattern-day-trader window (counted whether or not the rule is on). */
  readonly dayTradeCount: number;
  /** The five business days the count covers; null before the first trading day. */
  readonly dayTradeWindow: DayTradeWindow | null;
}

export function riskStateOf(
  guard: DailyLossGuard,
  risk: RiskConfig | null,
  equity: number,
  openPositions: number,
  dayTrades: DayTradeCounter,
): RiskState {
  const { date, startEquity, breached } = guard.current;
  const dayPnl = guard.dayPnl(equity);
  return {
    sessionDate: date,
    startOfDayEquity: startEquity,
    dayPnl,
    dailyLossLimit: risk ? (risk.dailyLossLimitPct / 100) * startEquity : null,
    dailyLoss: Math.max(0, -dayPnl),
    breached,
    entriesBlocked: guard.breach(equity, risk) !== null,
    openPositions,
    dayTradeCount: dayTrades.count,
    dayTradeWindow: dayTrades.window(),
  };
}
