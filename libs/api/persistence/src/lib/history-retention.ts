import { type CurvePeaks, newYorkDate, NO_PEAKS, retainedPointsOfDay } from '@ptp/domain';
import { Between, type EntityManager, In, LessThan } from 'typeorm';
import { DecisionEntity } from './entities/decision.entity';
import { EquitySnapshotEntity } from './entities/equity-snapshot.entity';

/** How far an account's equity snapshots are thinned: every New York day before `thinnedBefore`. */
export interface ThinningCursor {
  readonly thinnedBefore: number;
  readonly peaks: CurvePeaks;
}

export const THINNING_START: ThinningCursor = { thinnedBefore: 0, peaks: NO_PEAKS };

/** Rows per DELETE … WHERE id IN (…); keeps SQLite under its bound-parameter limit. */
const CHUNK = 500;

type SnapshotRow = Pick<EquitySnapshotEntity, 'id' | 'time' | 'equity' | 'benchmark'>;

function byDay(rows: readonly SnapshotRow[]): SnapshotRow[][] {
  const days: SnapshotRow[][] = [];
  let current = '';
  for (const row of rows) {
    const day = newYorkDate(row.time);
    if (day !== current) days.push([]);
    days[days.length - 1].push(row);
    current = day;
  }
  return days;
}

/**
 * Thins the account's equity snapshots of every whole New York day before `cutoff` that the cursor
 * has not reached yet, keeping only the points the metrics depend on (`retainedPointsOfDay`), so
 * the whole history's metrics stay exactly what they were. Returns the cursor for the next run.
 */
export async function thinEquitySnapshots(
  manager: EntityManager,
  accountId: string,
  cutoff: number,
  cursor: ThinningCursor,
): Promise<{ cursor: ThinningCursor; deleted: number }> {
  const firstKept = newYorkDate(cutoff);
  const rows = (
    await manager.find(EquitySnapshotEntity, {
      select: ['id', 'time', 'equity', 'benchmark'],
      where: { accountId, time: Between(cursor.thinnedBefore, cutoff) },
      order: { time: 'ASC', id: 'ASC' },
    })
  ).filter((row) => newYorkDate(row.time) < firstKept);
  if (rows.length === 0) return { cursor, deleted: 0 };
  let peaks = cursor.peaks;
  const dropped: number[] = [];
  for (const day of byDay(rows)) {
    const points = day.map((row) => ({
      time: row.time,
      equity: Number(row.equity),
      benchmark: row.benchmark === null ? null : Number(row.benchmark),
    }));
    const retained = retainedPointsOfDay(points, peaks);
    const keep = new Set(retained.keep);
    day.forEach((row, index) => (keep.has(index) ? undefined : dropped.push(row.id)));
    peaks = retained.peaks;
  }
  for (let i = 0; i < dropped.length; i += CHUNK)
    await manager.delete(EquitySnapshotEntity, { id: In(dropped.slice(i, i + CHUNK)) });
  return {
    cursor: { thinnedBefore: rows[rows.length - 1].time + 1, peaks },
    deleted: dropped.length,
  };
}

/** Deletes the account's decisions older than `cutoff`. */
export async function dropDecisionsBefore(
  manager: EntityManager,
  accountId: string,
  cutoff: number,
): Promise<number> {
  const result = await manager.delete(DecisionEntity, { accountId, time: LessThan(cutoff) });
  return result.affected ?? 0;
}
