import { Injectable } from '@nestjs/common';
import { TradingDesks } from '@ptp/api/paper-trading';
import { EquitySnapshotEntity, RoundTripEntity, roundTripFromRow } from '@ptp/api/persistence';
import type { TimeRange } from '@ptp/api/shared';
import type { AccountMetrics, AccountPerformance } from '@ptp/contracts';
import { computeMetrics, computePerformance, type OpenExposure } from '@ptp/domain';
import { Between, DataSource, LessThanOrEqual, MoreThan } from 'typeorm';

const iso = (t: number | undefined) => (t === undefined ? null : new Date(t).toISOString());

function bounds(range: TimeRange): { from: number; end: number } {
  return {
    from: Number.isFinite(range.fromMs) ? range.fromMs : 0,
    end: Number.isFinite(range.toMs) ? range.toMs - 1 : Number.MAX_SAFE_INTEGER,
  };
}

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
    const { from, end } = bounds(range);
    const [history, open] = await Promise.all([
      this.history(accountId, from, end),
      this.openAt(accountId, end),
    ]);
    const report = computeMetrics({ ...history.input, openPositions: open });
    return { ...report, ...history.span, accountId, convention: { ...report.convention } };
  }

  /** The performance breakdowns over the same equity snapshots and round trips as the metrics. */
  async performance(accountId: string, range: TimeRange): Promise<AccountPerformance> {
    const { from, end } = bounds(range);
    const history = await this.history(accountId, from, end);
    return { ...computePerformance(history.input), ...history.span, accountId };
  }

  private async history(accountId: string, from: number, end: number) {
    const [snapshots, closed] = await Promise.all([
      this.dataSource.getRepository(EquitySnapshotEntity).find({
        where: { accountId, time: Between(from, end) },
        order: { time: 'ASC', id: 'ASC' },
      }),
      this.dataSource.getRepository(RoundTripEntity).find({
        where: { accountId, exitTime: Between(from, end) },
        order: { exitTime: 'ASC', id: 'ASC' },
      }),
    ]);
    return {
      input: {
        equityCurve: snapshots.map((s) => ({ time: s.time, equity: Number(s.equity) })),
        trades: closed.map(roundTripFromRow),
        benchmark: snapshots
          .filter((s) => s.benchmark !== null)
          .map((s) => ({ time: s.time, price: Number(s.benchmark) })),
      },
      span: { from: iso(snapshots[0]?.time), to: iso(snapshots[snapshots.length - 1]?.time) },
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
