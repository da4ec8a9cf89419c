import type {
  CorporateActivityEntity,
  DecisionEntity,
  EquitySnapshotEntity,
  PaperTradeEntity,
  PositionEntity,
  RoundTripEntity,
} from '@ptp/api/persistence';
import type { OrderRow } from './engine-rows';
import type { OrderRequest } from '@ptp/domain';

/** A session row's per-tick progress, written with the tick's fills. */
export interface SessionProgress {
  readonly id: string;
  readonly lastTickAt: number;
  /** JSON: newest bar time consumed per symbol. */
  readonly cursor: string;
}

/** A client's own id for a manual order, and the hash of the request that placed it. */
export interface ClientOrderTag {
  readonly clientOrderId: string;
  readonly requestHash: string;
}

/** A manual order waiting for its account's turn, with its client's tag if it came with one. */
export interface QueuedOrder {
  readonly request: OrderRequest;
  readonly tag?: ClientOrderTag;
}

/** An order canceled for the order that replaces it (`by`), both in the same batch. */
export interface Replacement {
  readonly replaced: string;
  readonly by: string;
}

/**
 * The positions rows a change writes: the account's whole set again (`replace`), or only the rows of
 * the symbols it traded, with those of them that are flat now (`closed`, whose rows go).
 */
export interface PositionChanges {
  readonly replace: boolean;
  readonly rows: readonly PositionEntity[];
  readonly closed: readonly string[];
}

/**
 * Everything one tick or one order action changed on an account. It is written in a single
 * transaction, so after a crash the database holds either all of it or none of it.
 */
export interface LedgerBatch {
  readonly accountId: string;
  /** New or changed orders (upserted by id). */
  readonly orders: readonly OrderRow[];
  /** The clients' tags of the orders placed in this batch (some of `orders`). */
  readonly clientOrders: readonly (ClientOrderTag & { readonly orderId: string })[];
  /** The link between a replaced order and its replacement, if this batch replaced one. */
  readonly replacement: Replacement | null;
  /** New fills (append-only). */
  readonly trades: readonly PaperTradeEntity[];
  /** Splits and dividends booked (append-only): with the fills, what the ledger is rebuilt from. */
  readonly activities: readonly CorporateActivityEntity[];
  /** The account's open positions after the change, as far as it moved them. */
  readonly positions: PositionChanges | null;
  readonly equity: Omit<EquitySnapshotEntity, 'id'> | null;
  readonly decisions: readonly Omit<DecisionEntity, 'id'>[];
  /** Round trips the change closed (append-only). */
  readonly roundTrips: readonly Omit<RoundTripEntity, 'id'>[];
  readonly session: SessionProgress | null;
  /** The engine's snapshot (JSON) after the change. */
  readonly engine: string | null;
}

export function isEmptyBatch(batch: LedgerBatch): boolean {
  return (
    batch.orders.length === 0 &&
    batch.trades.length === 0 &&
    batch.activities.length === 0 &&
    batch.positions === null &&
    batch.equity === null &&
    batch.decisions.length === 0 &&
    batch.roundTrips.length === 0 &&
    batch.session === null &&
    batch.engine === null
  );
}
