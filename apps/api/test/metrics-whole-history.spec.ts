import { EquitySnapshotEntity, RoundTripEntity, roundTripFromRow } from '@ptp/api/persistence';
import { computeMetrics, curveSeries } from '@ptp/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { walk } from './equity-walk.helpers';
import { useTestApp } from './test-app';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** 14:30 UTC on a Monday, 09:30 in New York. */
const FIRST_OPEN = Date.UTC(2025, 0, 6, 14, 30);
const POINTS_PER_DAY = 60;
/** The start of every history: a full-range call reads every row, as the whole history once did. */
const EVERYTHING = { from: '1970-01-01T00:00:00.000Z' };

describe('GET /api/metrics over the whole history, folded between calls (real HTTP, real SQLite file)', () => {
  const app = useTestApp();
  const http = () => request(app().app.getHttpServer());
  const repo = <T extends object>(entity: new () => T) =>
    app().app.get(DataSource).getRepository(entity);
  const equity = walk(3);
  const benchmark = walk(5);
  let accountId = '';

  const snapshots = (firstDay: number, days: number) =>
    repo(EquitySnapshotEntity).insert(
      Array.from({ length: days * POINTS_PER_DAY }, (_, n) => {
        const value = equity();
        const minute = Math.floor(n / POINTS_PER_DAY) * 24 * 60 + (n % POINTS_PER_DAY);
        return {
          accountId,
          time: FIRST_OPEN + firstDay * DAY + minute * MINUTE,
          equity: value.toFixed(2),
          cash: value.toFixed(2),
          positionsValue: '0',
          benchmark: n % 4 === 0 ? null : benchmark().toFixed(4),
        };
      }),
    );
  const roundTrips = (day: number, pnls: number[]) =>
    repo(RoundTripEntity).insert(
      pnls.map((pnl, i) => ({
        accountId,
        symbol: i % 2 === 0 ? 'AAPL' : 'MSFT',
        entryTime: FIRST_OPEN + day * DAY + i * 5 * MINUTE,
        exitTime: FIRST_OPEN + day * DAY + (i * 5 + 3) * MINUTE,
        quantity: '1',
        entryPrice: '100',
        exitPrice: String(100 + pnl),
        pnl: String(pnl),
        commission: '0',
      })),
    );
  const metrics = async (query: object = {}) =>
    (
      await http()
        .get('/api/metrics')
        .query({ accountId, ...query })
        .expect(200)
    ).body.data;

  /** The domain's metrics over every stored row of the account, as JSON carries them. */
  async function fromEveryRow() {
    const rows = await repo(EquitySnapshotEntity).find({
      where: { accountId },
      order: { time: 'ASC', id: 'ASC' },
    });
    const trips = await repo(RoundTripEntity).find({
      where: { accountId },
      order: { exitTime: 'ASC', id: 'ASC' },
    });
    const points = rows.map((r) => ({
      time: r.time,
      equity: Number(r.equity),
      benchmark: r.benchmark === null ? null : Number(r.benchmark),
    }));
    const report = computeMetrics({
      ...curveSeries(points),
      trades: trips.map(roundTripFromRow),
      openPositions: [],
    });
    return JSON.parse(
      JSON.stringify({
        ...report,
        from: rows.length > 0 ? new Date(rows[0].time).toISOString() : null,
        to: rows.length > 0 ? new Date(rows[rows.length - 1].time).toISOString() : null,
        accountId,
      }),
    );
  }

  beforeAll(async () => {
    accountId = (await http().post('/api/accounts').send({ name: 'Folded' }).expect(201)).body.data
      .id;
  });

  it('answers what every row gives, as snapshots and round trips are added between calls', async () => {
    await snapshots(0, 3);
    await roundTrips(1, [4, -2.5]);
    const first = await metrics();
    expect(first).toEqual(await fromEveryRow());
    expect(first.tradeCount).toBe(2);

    // The rest of the third day, three more days, and trips closing on them.
    await snapshots(2.5, 3);
    await roundTrips(4, [7, -1, 3]);
    const second = await metrics();
    expect(second).toEqual(await fromEveryRow());
    expect(second).toEqual(await metrics(EVERYTHING));
    expect(second.tradeCount).toBe(5);
    expect(second.to).not.toBe(first.to);

    await snapshots(6, 1);
    expect(await metrics()).toEqual(await fromEveryRow());
  });

  it('starts over when a row is written before the history it follows', async () => {
    const before = await metrics();
    await repo(EquitySnapshotEntity).insert({
      accountId,
      time: FIRST_OPEN - DAY,
      equity: '20000',
      cash: '20000',
      positionsValue: '0',
      benchmark: null,
    });
    await roundTrips(-1, [-30]);
    const after = await metrics();
    expect(after).toEqual(await fromEveryRow());
    expect(after.from).toBe(new Date(FIRST_OPEN - DAY).toISOString());
    expect(after.tradeCount).toBe(before.tradeCount + 1);
  });

  it('starts over after a reset, even when the new history repeats the old times', async () => {
    await http()
      .post('/api/portfolio/reset')
      .query({ accountId })
      .send({ confirm: true })
      .expect(200);
    const empty = await metrics();
    expect(empty).toMatchObject({ from: null, to: null, start: null, tradeCount: 0 });
    expect(empty).toEqual(await fromEveryRow());

    await snapshots(0, 2);
    await roundTrips(0, [1]);
    const again = await metrics();
    expect(again).toEqual(await fromEveryRow());
    expect(again.tradeCount).toBe(1);
    expect(again.from).toBe(new Date(FIRST_OPEN).toISOString());
  });
});
