import { EquitySnapshotEntity, RoundTripEntity, roundTripFromRow } from '@ptp/api/persistence';
import { curveSeries, type RoundTrip, ThinnedCurve } from '@ptp/domain';
import { type DataSource, MoreThan } from 'typeorm';
import { curvePointOf, historyRows, spanOf } from './history-rows';

/**
 * How far a table's rows are folded: the highest id, and the earliest row folded, which only a reset
 * (or the account's deletion) removes: retention keeps every day's first snapshot.
 */
interface FoldedRows {
  readonly lastId: number;
  readonly witnessId: number | null;
}

const NOTHING_FOLDED: FoldedRows = { lastId: 0, witnessId: null };

function advanced(folded: FoldedRows, rows: readonly { id: number }[]): FoldedRows {
  return {
    lastId: rows.reduce((last, row) => Math.max(last, row.id), folded.lastId),
    witnessId: folded.witnessId ?? rows[0]?.id ?? null,
  };
}

/**
 * An account's whole history as the metrics need it, kept between calls: its equity snapshots in a
 * `ThinnedCurve` and its round trips in exit order. The ledger appends an account's rows in time
 * order with growing ids, so catching up reads only the rows past the last ids folded.
 */
export class FoldedHistory {
  private readonly curve = new ThinnedCurve();
  private readonly trades: RoundTrip[] = [];
  private snapshots = NOTHING_FOLDED;
  private trips = NOTHING_FOLDED;
  private lastExit = Number.NEGATIVE_INFINITY;

  private constructor(private readonly accountId: string) {}

  /** Folds every snapshot and round trip the account has. */
  static async read(dataSource: DataSource, accountId: string): Promise<FoldedHistory> {
    const history = new FoldedHistory(accountId);
    // Rows read in time order always fold.
    history.fold(...(await historyRows(dataSource, accountId, 0, Number.MAX_SAFE_INTEGER)));
    return history;
  }

  /**
   * Folds the rows written since the last call. False, folding nothing, when history was rewritten
   * (a reset, or a row earlier than one folded): the account must then be read afresh.
   */
  async catchUp(dataSource: DataSource): Promise<boolean> {
    const accountId = this.accountId;
    const [snapshots, trips] = await Promise.all([
      dataSource.getRepository(EquitySnapshotEntity).find({
        where: { accountId, id: MoreThan(this.snapshots.lastId) },
        order: { id: 'ASC' },
      }),
      dataSource.getRepository(RoundTripEntity).find({
        where: { accountId, id: MoreThan(this.trips.lastId) },
        order: { id: 'ASC' },
      }),
    ]);
    // Checked after the new rows are read: a reset before that read is then always seen.
    return (await this.witnessesExist(dataSource)) && this.fold(snapshots, trips);
  }

  /** The metrics' input and span as of now (copies: a later catch-up leaves them as they are). */
  view() {
    const points = this.curve.points();
    return {
      input: { ...curveSeries(points), trades: [...this.trades] },
      span: spanOf(points),
    };
  }

  private fold(snapshots: EquitySnapshotEntity[], trips: RoundTripEntity[]): boolean {
    let exit = this.lastExit;
    for (const trip of trips) {
      if (trip.exitTime < exit) return false;
      exit = trip.exitTime;
    }
    if (!this.curve.append(snapshots.map(curvePointOf))) return false;
    for (const trip of trips) this.trades.push(roundTripFromRow(trip));
    this.lastExit = exit;
    this.snapshots = advanced(this.snapshots, snapshots);
    this.trips = advanced(this.trips, trips);
    return true;
  }

  private async witnessesExist(dataSource: DataSource): Promise<boolean> {
    const accountId = this.accountId;
    const { witnessId: snapshot } = this.snapshots;
    const { witnessId: trip } = this.trips;
    const present = await Promise.all([
      snapshot === null ||
        dataSource.getRepository(EquitySnapshotEntity).existsBy({ id: snapshot, accountId }),
      trip === null || dataSource.getRepository(RoundTripEntity).existsBy({ id: trip, accountId }),
    ]);
    return present.every(Boolean);
  }
}
