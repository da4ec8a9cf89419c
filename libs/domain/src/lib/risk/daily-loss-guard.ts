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
  // Plain fields updated in place: daily bars start a session on every bar, and a state object per
  // session was an allocation per bar. `current` hands out a copy.
  private date: string | null;
  private startEquity: number;
  private isBreached: boolean;

  constructor(initial: DailyLossState = { date: null, startEquity: 0, breached: false }) {
    this.date = initial.date;
    this.startEquity = initial.startEquity;
    this.isBreached = initial.breached;
  }

  get current(): DailyLossState {
    return { date: this.date, startEquity: this.startEquity, breached: this.isBreached };
  }

  get breached(): boolean {
    return this.isBreached;
  }

  /** A new session starts with the equity at the previous close. */
  startSession(date: string, equity: number): void {
    this.date = date;
    this.startEquity = equity;
    this.isBreached = false;
  }

  /** Checks the equity against the limit; true when this call is the one that breaches it. */
  update(equity: number, risk: RiskConfig | null): boolean {
    if (!risk || this.isBreached || this.date === null) return false;
    const loss = this.startEquity - equity;
    if (loss < (risk.dailyLossLimitPct / 100) * this.startEquity) return false;
    this.isBreached = true;
    return true;
  }

  /** The limit and the loss in dollars once breached, else null. */
  breach(equity: number, risk: RiskConfig | null): { limit: number; loss: number } | null {
    if (!risk || !this.isBreached) return null;
    return {
      limit: (risk.dailyLossLimitPct / 100) * this.startEquity,
      loss: this.startEquity - equity,
    };
  }

  dayPnl(equity: number): number {
    return this.date === null ? 0 : equity - this.startEquity;
  }
}
