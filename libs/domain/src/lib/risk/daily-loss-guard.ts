import type { RiskConfig } from './risk-config';

export interface DailyLossState {
  /** The session date (`YYYY-MM-DD`) the start equity belongs to. */
  readonly date: string | null;
  readonly startEquity: number;
  readonly breached: boolean;
}

/**
 * Tracks the loss from the start-of-day equity. Once the loss reaches the limit the guard stays
 * breached for the rest of the session, whatever the equity does after.
 */
export class DailyLossGuard {
  private state: DailyLossState;

  constructor(initial: DailyLossState = { date: null, startEquity: 0, breached: false }) {
    this.state = initial;
  }

  get current(): DailyLossState {
    return this.state;
  }

  get breached(): boolean {
    return this.state.breached;
  }

  /** A new session starts with the equity at the previous close. */
  startSession(date: string, equity: number): void {
    this.state = { date, startEquity: equity, breached: false };
  }

  /** Checks the equity against the limit; true when this call is the one that breaches it. */
  update(equity: number, risk: RiskConfig | null): boolean {
    if (!risk || this.state.breached || this.state.date === null) return false;
    const loss = this.state.startEquity - equity;
    if (loss < (risk.dailyLossLimitPct / 100) * this.state.startEquity) return false;
    this.state = { ...this.state, breached: true };
    return true;
  }

  /** The limit and the loss in dollars once breached, else null. */
  breach(equity: number, risk: RiskConfig | null): { limit: number; loss: number } | null {
    if (!risk || !this.state.breached) return null;
    return {
      limit: (risk.dailyLossLimitPct / 100) * this.state.startEquity,
      loss: this.state.startEquity - equity,
    };
  }

  dayPnl(equity: number): number {
    return this.state.date === null ? 0 : equity - this.state.startEquity;
  }
}
