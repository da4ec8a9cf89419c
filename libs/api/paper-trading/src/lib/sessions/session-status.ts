import type { AccountOwner, PaperTradingStatus } from '@ptp/contracts';
import type { Valuation } from '../desk/portfolio-view';
import type { SessionSpec } from './session-spec';

/** A session ticking on its account's owner. */
export interface LiveSession {
  readonly spec: SessionSpec;
  readonly periodMs: number;
  nextTickAt: number;
  tickCount: number;
  lastError: string | null;
}

const iso = (t: number | null | undefined): string | null =>
  t === null || t === undefined ? null : new Date(t).toISOString();

/** What GET /paper-trading/status shows: the session (if one runs), the valuation and the owner. */
export function sessionStatus(
  accountId: string,
  session: LiveSession | undefined,
  valuation: Valuation,
  owner: AccountOwner,
): PaperTradingStatus {
  return {
    accountId,
    state: session ? 'running' : 'idle',
    sessionId: session?.spec.id ?? null,
    strategy: session?.spec.strategy ?? null,
    params: session?.spec.params ?? null,
    symbols: session?.spec.symbols ?? [],
    signalIntervalSec: session?.spec.signalIntervalSec ?? null,
    startedAt: iso(session?.spec.startedAt),
    lastTickAt: iso(session?.spec.lastTickAt),
    nextTickAt: iso(session?.nextTickAt),
    tickCount: session?.tickCount ?? 0,
    equity: valuation.equity,
    cash: valuation.cash,
    dayPnl: valuation.dayPnl,
    openPositions: valuation.positions.length,
    positions: valuation.positions,
    riskState: valuation.riskState,
    lastError: session?.lastError ?? null,
    owner,
  };
}
