import type { RiskLimits } from './config';

/** The daily loss limit as the engine tracks it for the current New York trading session. */
export interface DailyLossState {
  /** The session (`YYYY-MM-DD`) the start equity belongs to; null before the account saw a session. */
  readonly sessionDate: string | null;
  readonly startEquity: string;
  readonly dayPnl: string;
  /** The limit in dollars: dailyLossLimitPct of the start equity. */
  readonly limit: string;
  /** Once reached, it stays breached until the next session, whatever the equity does after. */
  readonly breached: boolean;
}

/** GET /api/risk: an account's limits and its live risk state, as the engine sees them. */
export interface AccountRisk {
  readonly accountId: string;
  readonly limits: RiskLimits;
  readonly dailyLoss: DailyLossState;
  readonly openPositions: number;
  /** True when new entries are refused (daily loss limit breached). Exits are always allowed. */
  readonly entriesBlocked: boolean;
  /**
   * Day trades in the last five business days (the pattern-day-trader count), counted whether or
   * not `limits.patternDayTrader` is on. Named as Alpaca's account names it.
   */
  readonly daytrade_count: number;
  /** The business days the count covers; null before the account saw a trading day. */
  readonly dayTradeWindow: { readonly from: string; readonly to: string } | null;
  readonly asOf: string;
}
