import { DEFAULT_ACCOUNT_ID, EquitySnapshotEntity } from '@ptp/api/persistence';
import type { ChartData } from '@ptp/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { disposeTestApp, startTestApp, type TestApp } from './test-app';

const POINTS = 6_000;

/** A long history must not make the full chart-data answer grow: at most 2,000 points per series. */
describe('GET /api/chart-data over a long history (real HTTP, real SQLite file)', () => {
  let t: TestApp;

  beforeAll(async () => {
    const first = await startTestApp();
    const start = Date.UTC(2026, 0, 5, 15, 0);
    await first.app
      .get(DataSource)
      .getRepository(EquitySnapshotEntity)
      .insert(
        Array.from({ length: POINTS }, (_, i) => ({
          accountId: DEFAULT_ACCOUNT_ID,
          time: start + i * 60_000,
          equity: (500 + 20 * Math.sin(i / 300)).toFixed(2),
          cash: '500',
          positionsValue: '0',
          benchmark: null,
        })),
      );
    await first.close();
    // The chart store fills itself from the database at start-up.
    t = await startTestApp({}, first.dataDir);
  });
  afterAll(() => disposeTestApp(t));

  it('thins the full answer to 2,000 equity points with both ends, and an increment stays exact', async () => {
    const http = () => request(t.app.getHttpServer());
    const full: ChartData = (await http().get('/api/chart-data').expect(200)).body.data;
    expect(full.incremental).toBe(false);
    expect(full.equity).toHaveLength(2_000);
    expect(full.equity[0].equity).toBe(500);
    expect(full.equity[full.equity.length - 1].time).toBe(
      Date.UTC(2026, 0, 5, 15, 0) + (POINTS - 1) * 60_000,
    );
    // The sine's crests and troughs (±20) survive the thinning.
    expect(Math.max(...full.equity.map((p) => p.equity))).toBeCloseTo(520, 0);
    expect(Math.min(...full.equity.map((p) => p.equity))).toBeCloseTo(480, 0);
    for (const series of Object.values(full.prices))
      expect(series.length).toBeLessThanOrEqual(2_000);

    const increment: ChartData = (
      await http().get(`/api/chart-data?since=${full.asOf}`).expect(200)
    ).body.data;
    expect(increment.incremental).toBe(true);
  });
});
