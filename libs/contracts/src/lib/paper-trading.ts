import type { StrategyParams } from '@ptp/domain';
import type { PortfolioPosition } from './portfolio';

export type SessionState = 'running' | 'idle';

/** Risk state of an account right now; `entriesBlocked` means new buys are refused until the next trading day. */
export interface RiskState {
  /** OK or a rule code, e.g. DAILY_LOSS_LIMIT_HIT. */
  readonly code: string;
  /** Human-readable, e.g. "daily loss limit hit: -26.10 ≤ -25.00". */
  readonly message: string;
  readonly entriesBlocked: boolean;
  readonly dayStartEquity: string;
  readonly dayPnl: string;
  /** The daily loss limit in dollars at today's start (a positive number). */
  readonly dailyLossLimit: string;
  /** Day trades in the last five business days (see GET /api/risk). */
  readonly dayTradeCount: number;
}

/** POST /paper-trading/start. Omitted fields take the runtime config's defaults. */
export interface StartSessionRequest {
  readonly strategy?: string;
  readonly params?: StrategyParams;
  readonly symbols?: readonly string[];
  /** Seconds between ticks; fractions allowed (≥ 0.05) so tests can run fast. */
  readonly signalIntervalSec?: number;
  readonly accountId?: string;
}

/** POST /paper-trading/stop. */
export interface StopSessionRequest {
  readonly accountId?: string;
}

/** GET /paper-trading/status?accountId= (also the answer of start and stop). Times are ISO-8601 UTC. */
export interface PaperTradingStatus {
  readonly accountId: string;
  readonly state: SessionState;
  readonly sessionId: string | null;
  readonly strategy: string | null;
  readonly params: StrategyParams | null;
  readonly symbols: readonly string[];
  readonly signalIntervalSec: number | null;
  readonly startedAt: string | null;
  readonly lastTickAt: string | null;
  readonly nextTickAt: string | null;
  readonly tickCount: number;
  readonly equity: string;
  readonly cash: string;
  readonly dayPnl: string;
  /** Number of open positions; the positions themselves are in `positions`. */
  readonly openPositions: number;
  readonly positions: readonly PortfolioPosition[];
  readonly riskState: RiskState;
  /** Error of the last tick, if it failed (the session keeps ticking). */
  readonly lastError: string | null;
  /** The instance that owns (trades) the account, and since when it does. */
  readonly owner: AccountOwner;
}

/** The api instance holding an account's lease (`INSTANCE_ID`), and since when (ISO time). */
export interface AccountOwner {
  readonly instance: string;
  readonly since: string;
}
