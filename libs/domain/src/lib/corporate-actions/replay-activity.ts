import type { Ledger } from '../ledger/ledger';
import { LedgerError } from '../ledger/ledger-error';
import { ExactDecimal } from '../money/exact-decimal';
import type { CorporateActivity } from './corporate-action-types';

/**
 * Books a persisted activity again when a ledger is rebuilt: a split must move the position exactly
 * as it did live.
 */
export function replayActivity(ledger: Ledger, activity: CorporateActivity): void {
  if (activity.type === 'dividend') {
    ledger.bookDividend(activity.phase, ExactDecimal.parse(activity.amount));
    return;
  }
  const moved = ledger.applySplit(activity.symbol, activity.splitFrom, activity.splitTo);
  const before = moved?.before.toFixed() ?? '0';
  const after = moved?.after.toFixed() ?? '0';
  if (before !== activity.quantityBefore || after !== activity.quantityAfter)
    throw new LedgerError(
      'INVALID_FILL',
      `split ${activity.id} of ${activity.symbol}: the ledger held ${before} (now ${after}), ` +
        `the activity says ${activity.quantityBefore} → ${activity.quantityAfter}`,
    );
}
