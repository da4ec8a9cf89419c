import { HistoryRetention } from '@ptp/api/paper-trading';
import { DecisionEntity, DEFAULT_ACCOUNT_ID, EquitySnapshotEntity } from '@ptp/api/persistence';
import { newYorkDate } from '@ptp/domain';
import request from 'supertest';
import { DataSource, LessThan, MoreThanOrEqual } from 'typeorm';
import { walk } from './equity-walk.helpers';
import { useTestApp } from './test-app';

const DAY = 86_400_000;
const MINUTE = 60_000;
const DAYS = 60;
const POINTS_PER_DAY = 40;

describe('history retention: equity snapshots thinned, decisions dropped, metrics unchanged', () => {
  const app = useTestApp();
  const http = () => request(app().app.getHttpServer());
  const repo = <T extends object>(entity: new () => T) =>
    app().app.get(DataSource).getRepository(entity);
  let now = 0;
  let rawCutoff = 0;

  beforeAll(async () => {
    now = (await http().get('/api/market/status').expect(200)).body.data.asOf;
    rawCutoff = now - app().config.retention.rawEquityDays * DAY;
    const equity = walk(7);
    const benchmark = walk(11);
    // A session's ticks over 60 days before now: 40 points in each day's first hours (New York).
    const firstDay =
      Date.UTC(2026, 0, 1) + Math.floor((now - DAYS * DAY - Date.UTC(2026, 0, 1)) / DAY) * DAY;
    const rows = [];
    for (let d = 0; d < DAYS; d++)
      for (let i = 0; i < POINTS_PER_DAY; i++) {
        const value = equity();
        rows.push({
          accountId: DEFAULT_ACCOUNT_ID,
          time: firstDay + d * DAY + 15 * 60 * MINUTE + i * MINUTE,
          equity: value.toFixed(2),
          cash: (value / 2).toFixed(2),
          positionsValue: (value / 2).toFixed(2),
          benchmark: i % 3 === 0 ? null : benchmark().toFixed(4),
        });
      }
    await repo(EquitySnapshotEntity).insert(rows.filter((r) => r.time < now));
    await repo(DecisionEntity).insert(
      Array.from({ length: 120 }, (_, d) => ({
        accountId: DEFAULT_ACCOUNT_ID,
        sessionId: null,
        time: now - (d + 0.5) * DAY,
        symbol: 'SPY',
        strategy: 'ma-crossover',
        action: 'hold',
        reason: null,
        indicators: '{}',
        riskOutcome: 'none',
        riskCode: null,
        riskReason: null,
        orderId: null,
      })),
    );
  });

  it('thins only whole days older than the raw window, and the metrics stay exactly the same', async () => {
    const before = (await http().get('/api/metrics').expect(200)).body.data;
    const olderBefore = await repo(EquitySnapshotEntity).countBy({ time: LessThan(rawCutoff) });
    const recentBefore = await repo(EquitySnapshotEntity).countBy({
      time: MoreThanOrEqual(rawCutoff),
    });

    const outcome = await app().app.get(HistoryRetention).runOnce();

    const older = await repo(EquitySnapshotEntity).find({ where: { time: LessThan(rawCutoff) } });
    expect(outcome.snapshotsThinned).toBe(olderBefore - older.length);
    const thinnedDays = new Set(older.map((r) => newYorkDate(r.time)));
    // First, last, peak, the deepest points and their peaks and recoveries: a handful per day.
    expect(older.length).toBeLessThanOrEqual(thinnedDays.size * 10);
    expect(older.length).toBeLessThan(olderBefore / 3);
    // The window itself, and the day the cutoff falls in, are untouched.
    expect(await repo(EquitySnapshotEntity).countBy({ time: MoreThanOrEqual(rawCutoff) })).toBe(
      recentBefore,
    );
    const after = (await http().get('/api/metrics').expect(200)).body.data;
    expect(after).toEqual(before);
    // The whole history's metrics are folded between calls; a full range reads the thinned rows.
    const everyRow = { from: '1970-01-01T00:00:00.000Z' };
    expect((await http().get('/api/metrics').query(everyRow).expect(200)).body.data).toEqual(
      before,
    );
  });

  it('drops decisions older than the configured days, and a second pass changes nothing', async () => {
    const cutoff = now - app().config.retention.decisionDays * DAY;
    expect(await repo(DecisionEntity).countBy({ time: LessThan(cutoff) })).toBe(0);
    expect(await repo(DecisionEntity).count()).toBe(app().config.retention.decisionDays);
    const metrics = (await http().get('/api/metrics').expect(200)).body.data;
    const count = await repo(EquitySnapshotEntity).count();

    const again = await app().app.get(HistoryRetention).runOnce();

    expect(again).toEqual({ snapshotsThinned: 0, decisionsDropped: 0 });
    expect(await repo(EquitySnapshotEntity).count()).toBe(count);
    expect((await http().get('/api/metrics').expect(200)).body.data).toEqual(metrics);
  });
});
