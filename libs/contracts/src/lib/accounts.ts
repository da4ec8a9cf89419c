import type { SessionState } from './paper-trading';

/** GET /api/accounts (list), POST /api/accounts (create), POST /api/accounts/:id/reset, DELETE /api/accounts/:id. */
export interface Account {
  readonly id: string;
  readonly name: string;
  readonly isDefault: boolean;
  readonly startingCapital: string;
  readonly cash: string;
  readonly equity: string;
  readonly totalPnl: string;
  readonly sessionState: SessionState;
  readonly strategy: string | null;
  readonly createdAt: string;
}

export interface CreateAccountRequest {
  /** Unique, 1–100 characters. */
  readonly name: string;
  /** Dollars; the configured starting capital when omitted. */
  readonly startingCapital?: number;
}
