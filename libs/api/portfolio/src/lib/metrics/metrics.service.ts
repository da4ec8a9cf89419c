import { Injectable } from '@nestjs/common';
import { TradingDesks } from '@ptp/api/paper-trading';
import { RoundTripEntity, roundTripFromRow } from '@ptp/api/persistence';
import type { TimeRange } from '@ptp/api/shared';
import type { AccountMetrics, AccountPerformance } from '@ptp/contracts';
import { computeMetrics, computePerformance, curveSeries, type OpenExposure } from '@ptp/domain';
import { DataSource, LessThanOrEqual, MoreThan } from 'typeorm';
import { FoldedHistories } from './folded-histories';
import { curvePointOf, historyRows, spanOf } from './history-rows';

function bounds(range: TimeRange): { from: number; end: number } {
  return {
    from: Number.isFinite(range.fromMs) ? range.fromMs : 0,
    end: Number.isFinite(range.toMs) ? range.toMs - 1 : Number.MAX_SAFE_INTEGER,
  };
}

/**
 * The trading core's metrics over an account's equity snapshots in a range and the round trips
 * the engine closed in it, as stored when they closed. The whole history's metrics are computed
 * over each account's folded history, kept between calls (docs/metrics.md, Retention).
 */
@Injectable()
export class MetricsService {
  private readonly histories: FoldedHistories;

  constructor(
    private readonly dataSource: DataSource,
    private readonly desks: TradingDesks,
  ) {
    this.histories = new FoldedHistories(dataSource);
  }

  async metrics(accountId: string, range: TimeRange): Promise<AccountMetrics> {
    const { from, end } = bounds(range);
    const whole = !Number.isFinite(range.fromMs) && !Number.isFinite(range.toMs);
    const [history, open] = await Promise.all([
      whole
        ? this.histories.of(accountId).then((folded) => folded.view())
        : this.history(accountId, from, end),
      this.openAt(accountId, end),
    ]);
    const report = computeMetrics({ ...history.input, openPositions: open });
    return { ...report, ...history.span, accountId, convention: { ...report.convention } };
  }

  /**
   * The performance breakdowns over the same equity snapshots and round trips as the metrics, read
   * whole: the cumulative return samples every point, so a thinned curve would change it.
   */
  async performance(accountId: string, range: TimeRange): Promise<AccountPerformance> {
    const { from, end } = bounds(range);
    const history = await this.history(accountId, from, end);
    return { ...computePerformance(history.input), ...history.span, accountId };
  }

  private async history(accountId: string, from: number, end: number) {
    const [snapshots, closed] = await historyRows(this.dataSource, accountId, from, end);
    const points = snapshots.map(curvePointOf);
    return {
      input: { ...curveSeries(points), trades: closed.map(roundTripFromRow) },
      span: spanOf(points),
    };
  }

  /**
   * Positions open at `end`: trips that closed after it (none when the range runs to the end of
   * history), and those the engine holds open now.
   */
  private async openAt(accountId: string, end: number): Promise<OpenExposure[]> {
    const [closedLater, openNow] = await Promise.all([
      end === Number.MAX_SAFE_INTEGER
        ? []
        : this.dataSource.getRepository(RoundTripEntity).find({
            where: { accountId, entryTime: LessThanOrEqual(end), exitTime: MoreThan(end) },
          }),
      this.desks.openPositions(accountId),
    ]);
    return [...closedLater, ...openNow.filter((trip) => trip.entryTime <= end)].map(
      ({ symbol, entryTime }) => ({ symbol, entryTime }),
    );
  }
}
