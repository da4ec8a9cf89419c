import { corporateActivityRow, roundTripRow } from '@ptp/api/persistence';
import type { EngineOutput } from '@ptp/domain';
import type { ProjectedRows } from './account-projection';
import { activityDecisionRow } from './activity-decisions';
import type { CommitExtras } from './desk-services';
import { decisionRow, fillRow, orderRow } from './engine-rows';
import type { LedgerBatch } from './ledger-batch';

/** Whether an engine output changed anything the database keeps. */
export function outputChangesLedger(output: EngineOutput): boolean {
  return (
    output.orders.length > 0 ||
    output.fills.length > 0 ||
    output.decisions.length > 0 ||
    output.activities.length > 0
  );
}

export interface BatchContext {
  readonly accountId: string;
  /** The attached session: its strategy's orders, fills and decisions are tagged with it. */
  readonly sessionId: string | null;
  readonly rows: ProjectedRows;
  readonly extras: CommitExtras;
  /** The engine's snapshot (JSON) after the output. */
  readonly engine: string;
}

/** The rows one engine output (and what its intent adds) writes, as one ledger batch. */
export function outputBatch(output: EngineOutput, context: BatchContext): LedgerBatch {
  const { accountId, sessionId, rows, extras } = context;
  const bySession = new Set(output.orders.filter((o) => o.source === 'strategy').map((o) => o.id));
  const ofSession = (orderId: string) => (bySession.has(orderId) ? sessionId : null);
  return {
    accountId,
    orders: output.orders.map((o) => orderRow(o, accountId, ofSession(o.id))),
    trades: output.fills.map((f, i) =>
      fillRow(f, accountId, ofSession(f.orderId), output.fillPnl[i]),
    ),
    activities: output.activities.map((a, i) =>
      corporateActivityRow(a, accountId, output.activityFills[i]),
    ),
    positions: rows.positions,
    equity: rows.equity,
    decisions: [
      ...output.decisions.map((d) => decisionRow(d, accountId, sessionId)),
      ...output.activities.map((a) => activityDecisionRow(a, accountId)),
    ],
    roundTrips: output.roundTrips.map((trip) => roundTripRow(trip, accountId)),
    clientOrders: extras.clientOrders ?? [],
    replacement: extras.replacement ?? null,
    session: extras.session ?? null,
    engine: context.engine,
  };
}
