import type { Fill } from '../ledger/fill';
import { Ledger } from '../ledger/ledger';
import { EngineError } from './engine-error';
import type { EngineSnapshot } from './engine-snapshot';
import { applyFillWithPnl, PositionHistory } from './position-history';

/**
 * Replays the persisted fills of a restore: the ledger they rebuild must be the snapshot's. Returns
 * the position history they give (for snapshots saved before it was part of them).
 */
export function replayFills(
  startingCash: number,
  snapshot: EngineSnapshot,
  fills: Iterable<Fill>,
): PositionHistory {
  const ledger = new Ledger(startingCash);
  const history = new PositionHistory();
  try {
    for (const fill of fills) {
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
