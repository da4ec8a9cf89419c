import type { PositionEntity } from '@ptp/api/persistence';
import { Ledger, type Fill, type LedgerState } from '@ptp/domain';
import Decimal from 'decimal.js';

export interface BookedFills {
  /** Realised P&L of each fill, by fill id: sells net of their fee, "0" for buys (the trade history's convention). */
  readonly realized: ReadonlyMap<string, string>;
  /** The positions table after the fills. */
  readonly positions: PositionEntity[];
}

/**
 * Books fills on the positions rows. Quantities and cost come from the engine's ledger after the
 * fills (exact); each fill's realised P&L is replayed on a copy of the ledger before them, so it
 * is the core's own arithmetic. A position's realisedPnl and openedAt restart when it goes flat.
 */
export function bookFills(accountId: string, startingCash: string, before: LedgerState, after: LedgerState, previous: readonly PositionEntity[], fills: readonly Fill[]): BookedFills {
  const shadow = Ledger.fromState(startingCash, before);
  const realized = new Map<string, string>();
  const carried = new Map(previous.map((p) => [p.symbol, { realizedPnl: new Decimal(p.realizedPnl), openedAt: p.openedAt, updatedAt: p.updatedAt }]));
  for (const fill of fills) {
    const realizedBefore = new Decimal(shadow.realizedPnl.toFixed());
    shadow.applyFill(fill);
    const pnl = fill.side === 'sell' ? new Decimal(shadow.realizedPnl.toFixed()).minus(realizedBefore) : new Decimal(0);
    realized.set(fill.id, pnl.toString());
    const entry = carried.get(fill.symbol) ?? { realizedPnl: new Decimal(0), openedAt: fill.time, updatedAt: fill.time };
    entry.realizedPnl = entry.realizedPnl.plus(pnl);
    entry.updatedAt = fill.time;
    if (shadow.quantity(fill.symbol) === 0) carried.delete(fill.symbol);
    else carried.set(fill.symbol, entry);
  }
  const positions = after.positions.map((p): PositionEntity => {
    const entry = carried.get(p.symbol);
    return {
      accountId,
      symbol: p.symbol,
      quantity: p.quantity,
      avgCost: new Decimal(p.costBasis).div(p.quantity).toString(),
      realizedPnl: (entry?.realizedPnl ?? new Decimal(0)).toString(),
      openedAt: entry?.openedAt ?? 0,
      updatedAt: entry?.updatedAt ?? 0,
    };
  });
  return { realized, positions };
}
