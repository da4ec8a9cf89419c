import { Injectable } from '@nestjs/common';
import { EquitySnapshotEntity, PaperTradeEntity } from '@ptp/api/persistence';
import type { AccountMetrics } from '@ptp/contracts';
import { computeMetrics, RoundTripTracker, type RoundTrip } from '@ptp/domain';
import { Between, DataSource } from 'typeorm';
import type { TimeRange } from '@ptp/api/shared';
import { fillsInBookingOrder } from '@ptp/api/paper-trading';

const iso = (t: number | undefined) => (t === undefined ? null : new Date(t).toISOString());

/** The trading core's metrics over an account's equity snapshots and closed round trips in a range. */
@Injectable()
export class MetricsService {
  constructor(private readonly dataSource: DataSource) {}

  async metrics(accountId: string, range: TimeRange): Promise<AccountMetrics> {
    const between = Between(
      Number.isFinite(range.fromMs) ? range.fromMs : 0,
      Number.isFinite(range.toMs) ? range.toMs - 1 : Number.MAX_SAFE_INTEGER,
    );
    const [snapshots, fills] = await Promise.all([
      this.dataSource
        .getRepository(EquitySnapshotEntity)
        .find({ where: { accountId, time: between }, order: { time: 'ASC', id: 'ASC' } }),
      // Round trips need every fill up to the end of the range, so one opened before `from` still closes.
      this.dataSource.getRepository(PaperTradeEntity).find({
        where: {
          accountId,
          executedAt: Between(
            0,
            Number.isFinite(range.toMs) ? range.toMs - 1 : Number.MAX_SAFE_INTEGER,
          ),
        },
        order: { executedAt: 'ASC', id: 'ASC' },
      }),
    ]);
    const tracker = new RoundTripTracker();
    const closed: RoundTrip[] = [];
    for (const fill of fillsInBookingOrder(fills)) {
      const trip = tracker.add(fill);
      if (trip) closed.push(trip);
    }
    const closedInRange = closed.filter(
      (t) => t.exitTime >= (Number.isFinite(range.fromMs) ? range.fromMs : 0),
    );
    const report = computeMetrics({
      equityCurve: snapshots.map((s) => ({ time: s.time, equity: Number(s.equity) })),
      trades: closedInRange,
      openPositions: tracker.openTrips().map((t) => ({ symbol: t.symbol, entryTime: t.entryTime })),
      benchmark: snapshots
        .filter((s) => s.benchmark !== null)
        .map((s) => ({ time: s.time, price: Number(s.benchmark) })),
    });
    return {
      ...report,
      accountId,
      from: iso(snapshots[0]?.time),
      to: iso(snapshots[snapshots.length - 1]?.time),
      convention: { ...report.convention },
    };
  }
}
