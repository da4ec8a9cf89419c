import { Injectable } from '@nestjs/common';
import { TradingDesks } from '@ptp/api/paper-trading';
import { EquitySnapshotEntity, RoundTripEntity, roundTripFromRow } from '@ptp/api/persistence';
import type { TimeRange } from '@ptp/api/shared';
import type { AccountMetrics } from '@ptp/contracts';
import { computeMetrics, type OpenExposure } from '@ptp/domain';
import { Between, DataSource, LessThanOrEqual, MoreThan } from 'typeorm';

const iso = (t: number | undefined) => (t === undefined ? null : new Date(t).toISOString());

/**
 * The trading core's metrics over an account's equity snapshots in a range and the round trips
 * the engine closed in it, as stored when they closed.
 */
@Injectable()
export class MetricsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly desks: TradingDesks,
  ) {}

  async metrics(accountId: string, range: TimeRange): Promise<AccountMetrics> {
    const from = Number.isFinite(range.fromMs) ? range.fromMs : 0;
    const end = Number.isFinite(range.toMs) ? range.toMs - 1 : Number.MAX_SAFE_INTEGER;
    const trips = this.dataSource.getRepository(RoundTripEntity);
    const [snapshots, closed, open] = await Promise.all([
      this.dataSource.getRepository(EquitySnapshotEntity).find({
        where: { accountId, time: Between(from, end) },
        order: { time: 'ASC', id: 'ASC' },
      }),
      trips.find({
        where: { accountId, exitTime: Between(from, end) },
        order: { exitTime: 'ASC', id: 'ASC' },
      }),
      this.openAt(accountId, end),
    ]);
    const report = computeMetrics({
      equityCurve: snapshots.map((s) => ({ time: s.time, equity: Number(s.equity) })),
      trades: closed.map(roundTripFromRow),
      openPositions: open,
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

  /** Positions open at `end`: trips that closed after it, and those the engine holds open now. */
  private async openAt(accountId: string, end: number): Promise<OpenExposure[]> {
    const [closedLater, openNow] = await Promise.all([
      this.dataSource.getRepository(RoundTripEntity).find({
        where: { accountId, entryTime: LessThanOrEqual(end), exitTime: MoreThan(end) },
      }),
      this.desks.openPositions(accountId),
    ]);
    return [...closedLater, ...openNow.filter((trip) => trip.entryTime <= end)].map(
      ({ symbol, entryTime }) => ({ symbol, entryTime }),
    );
  }
}
