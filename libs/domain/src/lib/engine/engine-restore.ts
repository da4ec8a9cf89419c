import type { CorporateActivity } from '../corporate-actions/corporate-action-types';
import { replayActivity } from '../corporate-actions/replay-activity';
import type { Fill } from '../ledger/fill';
import { Ledger } from '../ledger/ledger';
import { EngineError } from './engine-error';
import type { EngineSnapshot } from './engine-snapshot';
import { applyFillWithPnl, PositionHistory } from './position-history';

/** What rebuilds a ledger: fills and corporate-action activities, in the order they were booked. */
export type LedgerEntry = Fill | CorporateActivity;

const isActivity = (entry: LedgerEntry): entry is CorporateActivity => 'type' in entry;

/**
 * Replays the persisted fills (and corporate-action activities) of a restore: the ledger they
 * rebuild must be the snapshot's. Returns the position history they give (for snapshots saved
 * before it was part of them).
 */
export function replayFills(
  startingCash: number,
  snapshot: EngineSnapshot,
  fills: Iterable<LedgerEntry>,
): PositionHistory {
  const ledger = new Ledger(startingCash);
  const history = new PositionHistory();
  try {
    for (const fill of fills) {
      if (isActivity(fill)) {
        replayActivity(ledger, fill);
        continue;
      }
      const pnl = applyFillWithPnl(ledger, fill);
      history.record(fill, pnl, ledger.quantity(fill.symbol) === 0);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EngineError('RESTORE_MISMATCH', `the fills do not replay: ${reason}`);
  }
  if (JSON.stringify(ledger.state()) !== JSON.stringify(snapshot.ledger)) {
    throw new EngineError(
      'RESTORE_MISMATCH',
      'the ledger rebuilt from the fills differs from the snapshot',
    );
  }
  return history;
}
