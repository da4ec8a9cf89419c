import type { Fill } from '../ledger/fill';
import type { Ledger } from '../ledger/ledger';
import type { OpenRoundTrip } from '../ledger/round-trips';
import { ExactDecimal } from '../money/exact-decimal';

/** Since when a position is open and what it has realised since then (snapshotted). */
export interface PositionOpening {
  readonly symbol: string;
  readonly openedAt: number;
  /** Exact decimal string: the sum of its fills' realised P&L. */
  readonly realizedPnl: string;
}

interface Opening {
  readonly openedAt: number;
  realized: ExactDecimal;
}

/**
 * Books a fill on the ledger and returns its realised P&L by the trade history's convention: for a
 * sell the change of the ledger's realised P&L (net of the fee), zero for a buy. Throws
 * LedgerError, changing nothing, where the ledger does.
 */
export function applyFillWithPnl(
  ledger: Ledger,
  fill: Fill,
  notional?: ExactDecimal,
  fee?: ExactDecimal,
): ExactDecimal {
  if (fill.side === 'buy') {
    ledger.applyFill(fill, notional, fee);
    return ExactDecimal.ZERO;
  }
  const before = ledger.exactRealizedPnl;
  ledger.applyFill(fill, notional, fee);
  return ledger.exactRealizedPnl.minus(before);
}

/**
 * When each open position was opened and the P&L it realised since; both restart when the position
 * goes flat.
 */
export class PositionHistory {
  private readonly open = new Map<string, Opening>();

  constructor(saved: readonly PositionOpening[] = []) {
    this.load(saved);
  }

  /** Replaces the history with a saved one. */
  load(saved: readonly PositionOpening[]): void {
    this.open.clear();
    for (const p of saved) {
      this.open.set(p.symbol, {
        openedAt: p.openedAt,
        realized: ExactDecimal.parse(p.realizedPnl),
      });
    }
  }

  /** For snapshots older than the history: each open trip's entry, nothing realised. */
  static fromOpenTrips(trips: readonly OpenRoundTrip[]): PositionHistory {
    return new PositionHistory(
      trips.map((t) => ({ symbol: t.symbol, openedAt: t.entryTime, realizedPnl: '0' })),
    );
  }

  /** Records a fill already booked; `flat` says whether it closed the position. */
  record(fill: Fill, realizedPnl: ExactDecimal, flat: boolean): void {
    if (flat) {
      this.open.delete(fill.symbol);
      return;
    }
    const opening = this.open.get(fill.symbol);
    if (opening) opening.realized = opening.realized.plus(realizedPnl);
    else this.open.set(fill.symbol, { openedAt: fill.time, realized: realizedPnl });
  }

  /** null for a symbol not held. */
  of(symbol: string): { readonly openedAt: number; readonly realizedPnl: ExactDecimal } | null {
    const opening = this.open.get(symbol);
    return opening ? { openedAt: opening.openedAt, realizedPnl: opening.realized } : null;
  }

  state(): PositionOpening[] {
    return [...this.open.entries()].map(([symbol, o]) => ({
      symbol,
      openedAt: o.openedAt,
      realizedPnl: o.realized.toFixed(),
    }));
  }
}
