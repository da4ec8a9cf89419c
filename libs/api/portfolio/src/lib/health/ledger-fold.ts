import { dec, type CorporateActivity, type Dec } from '@ptp/domain';

export interface FoldableFill {
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly quantity: string;
  readonly price: string;
  readonly commission: string;
}

export interface FoldedLedger {
  readonly cash: Dec;
  /** Net quantity per symbol (zero positions omitted). */
  readonly quantities: ReadonlyMap<string, Dec>;
}

/**
 * Cash and quantities implied by a list of fills, computed independently of the trading core so
 * that the health check verifies the live ledger rather than re-running the code it checks.
 */
export function foldFills(startingCapital: string, fills: readonly FoldableFill[]): FoldedLedger {
  return foldMore({ cash: dec(startingCapital), quantities: new Map() }, fills);
}

/** Adds more fills to a fold; the order of fills does not change the result. */
export function foldMore(ledger: FoldedLedger, fills: readonly FoldableFill[]): FoldedLedger {
  let cash = ledger.cash;
  const quantities = new Map(ledger.quantities);
  for (const fill of fills) {
    const gross = dec(fill.quantity).times(fill.price);
    const signedQuantity = fill.side === 'buy' ? dec(fill.quantity) : dec(fill.quantity).negated();
    cash =
      fill.side === 'buy'
        ? cash.minus(gross).minus(fill.commission)
        : cash.plus(gross).minus(fill.commission);
    const next = (quantities.get(fill.symbol) ?? dec(0)).plus(signedQuantity);
    if (next.isZero()) quantities.delete(fill.symbol);
    else quantities.set(fill.symbol, next);
  }
  return { cash, quantities };
}

/**
 * Adds what splits and dividends did: a split the shares it added (or took, a reverse split), a
 * paid dividend its cash (an accrual is a receivable, not cash). Each is a sum, so the order of
 * fills and activities does not change the result either.
 */
export function foldActivities(
  ledger: FoldedLedger,
  activities: readonly CorporateActivity[],
): FoldedLedger {
  let cash = ledger.cash;
  const quantities = new Map(ledger.quantities);
  for (const activity of activities) {
    if (activity.type === 'dividend') {
      if (activity.phase === 'paid') cash = cash.plus(activity.amount);
      continue;
    }
    const added = dec(activity.quantityAfter).minus(activity.quantityBefore);
    const next = (quantities.get(activity.symbol) ?? dec(0)).plus(added);
    if (next.isZero()) quantities.delete(activity.symbol);
    else quantities.set(activity.symbol, next);
  }
  return { cash, quantities };
}
