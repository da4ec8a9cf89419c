import { EquitySnapshotEntity, RoundTripEntity } from '@ptp/api/persistence';
import type { AccountPerformance } from '@ptp/contracts';
import { computePerformance, type RoundTrip } from '@ptp/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { useTestApp } from './test-app';

const H = 3_600_000;
const T0 = Date.UTC(2025, 0, 6, 15); // a Monday, 10:00 New York
const equity = [500, 504, 498, 510, 507.5, 520];
const benchmark = [100, 101, 99, 102, 103, 104];
const trips: RoundTrip[] = [
  ['AAPL', 4, 1],
  ['MSFT', -6, 26],
  ['AAPL', 12, 50],
  ['MSFT', -2.5, 75],
  ['NVDA', 12.5, 99],
].map(([symbol, pnl, hour]) => ({
  symbol: symbol as string,
  entryTime: T0 + (Number(hour) - 1) * H,
  exitTime: T0 + Number(hour) * H,
  quantity: 1,
  entryPrice: 100,
  exitPrice: 100 + Number(pnl),
  pnl: Number(pnl),
  commission: 0,
}));

describe('GET /api/performance (real HTTP, real SQLite file)', () => {
  const app = useTestApp();
  const http = () => request(app().app.getHttpServer());

  beforeAll(async () => {
    const data = app().app.get(DataSource);
    await data.getRepository(EquitySnapshotEntity).insert(
      equity.map((value, i) => ({
        accountId: 'default',
        time: T0 + i * 24 * H,
        equity: String(value),
        cash: String(value),
        positionsValue: '0',
        benchmark: String(benchmark[i]),
      })),
    );
    await data.getRepository(RoundTripEntity).insert(
      trips.map((t) => ({
        ...t,
        accountId: 'default',
        quantity: String(t.quantity),
        entryPrice: String(t.entryPrice),
        exitPrice: String(t.exitPrice),
        pnl: String(t.pnl),
        commission: String(t.commission),
      })),
    );
  });

  it("answers the domain's breakdowns of the stored curve and round trips", async () => {
    const res = await http()
      .get('/api/performance')
      .query({ from: '2025-01-01', to: '2025-01-31' })
      .expect(200);
    const body = res.body.data as AccountPerformance;
    const expected = computePerformance({
      equityCurve: equity.map((value, i) => ({ time: T0 + i * 24 * H, equity: value })),
      trades: trips,
      benchmark: benchmark.map((price, i) => ({ time: T0 + i * 24 * H, price })),
    });
    expect(body).toEqual({
      ...expected,
      accountId: 'default',
      from: new Date(T0).toISOString(),
      to: new Date(T0 + 5 * 24 * H).toISOString(),
    });
    expect(body.trades).toEqual(
      expect.objectContaining({ count: 5, wins: 3, losses: 2, longestLosingStreak: 1 }),
    );
    expect(body.dailyPnl.map((d) => d.pnl)).toEqual([0, 4, -6, 12, -2.5, 12.5]);
    expect(body.symbolPnl.map((s) => s.symbol)).toEqual(['AAPL', 'NVDA', 'MSFT']);
  });

  it('is empty outside the data and refuses bad ranges with a code', async () => {
    const empty = await http()
      .get('/api/performance')
      .query({ from: '2024-01-01', to: '2024-01-31' });
    expect(empty.status).toBe(200);
    expect(empty.body.data.trades.count).toBe(0);
    expect(empty.body.data.dailyPnl).toEqual([]);
    const inverted = await http()
      .get('/api/performance')
      .query({ from: '2025-02-01', to: '2025-01-01' })
      .expect(400);
    expect(inverted.body.error.code).toBe('INVALID_RANGE');
    const unknown = await http().get('/api/performance').query({ accountId: 'nope' }).expect(404);
    expect(unknown.body.error.code).toBe('ACCOUNT_NOT_FOUND');
  });
});
