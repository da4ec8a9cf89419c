import { EquitySnapshotEntity, RoundTripEntity } from '@ptp/api/persistence';
import type { CurvePoint } from '@ptp/domain';
import { Between, type DataSource } from 'typeorm';

/** An account's equity snapshots and closed round trips in [from, end], in the order the metrics walk them. */
export function historyRows(
  dataSource: DataSource,
  accountId: string,
  from: number,
  end: number,
): Promise<[EquitySnapshotEntity[], RoundTripEntity[]]> {
  return Promise.all([
    dataSource.getRepository(EquitySnapshotEntity).find({
      where: { accountId, time: Between(from, end) },
      order: { time: 'ASC', id: 'ASC' },
    }),
    dataSource.getRepository(RoundTripEntity).find({
      where: { accountId, exitTime: Between(from, end) },
      order: { exitTime: 'ASC', id: 'ASC' },
    }),
  ]);
}

export const curvePointOf = (row: EquitySnapshotEntity): CurvePoint => ({
  time: row.time,
  equity: Number(row.equity),
  benchmark: row.benchmark === null ? null : Number(row.benchmark),
});

const iso = (t: number | undefined) => (t === undefined ? null : new Date(t).toISOString());

/** The times of a curve's first and last point, as the metrics' `from` and `to`. */
export const spanOf = (points: readonly CurvePoint[]) => ({
  from: iso(points[0]?.time),
  to: iso(points[points.length - 1]?.time),
});
