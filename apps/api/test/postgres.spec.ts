import { DataSource } from 'typeorm';
import request from 'supertest';
import type { BacktestRun } from '@ptp/contracts';
import { ORCL_2013_CSV, pollUntilFinished } from './backtests.helpers';
import { FAST_MARKET, waitFor } from './paper-trading.helpers';
import { startTestApp, type TestApp } from './test-app';

const serverUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const describePostgres = process.env['PTP_SKIP_POSTGRES'] === '1' ? describe.skip : describe;

/** The API's own DATABASE_URL, confined to a schema of its own through the connection's search_path. */
function urlForSchema(schema: string): string {
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

describePostgres(
  'the API on the real PostgreSQL (set PTP_SKIP_POSTGRES=1 when no server runs)',
  () => {
    const schema = `ptp_api_${process.pid}_${Date.now()}`;
    let admin: DataSource;
    let t: TestApp | undefined;
    const start = () => startTestApp({ ...FAST_MARKET, DATABASE_URL: urlForSchema(schema) });
    const http = () => request((t as TestApp).app.getHttpServer());

    beforeAll(async () => {
      admin = await new DataSource({ type: 'postgres', url: serverUrl }).initialize();
      await admin.query(`CREATE SCHEMA "${schema}"`);
    });

    afterAll(async () => {
      await t?.close();
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.destroy();
    });

    it('migrates, reports a healthy database and keeps everything across a restart', async () => {
      t = await start();
      const health = await http().get('/health').expect(200);
      expect(health.body.data.details.database.status).toBe('up');
      const tables = await admin.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1`,
        [schema],
      );
      expect(tables.map((row: { table_name: string }) => row.table_name)).toEqual(
        expect.arrayContaining(['accounts', 'paper_trades', 'positions', 'orders', 'decisions']),
      );

      const created = await http()
        .post('/api/accounts')
        .send({ name: 'On Postgres', startingCapital: 1000 })
        .expect(201);
      const accountId: string = created.body.data.id;
      await http()
        .patch('/api/config')
        .send({ risk: { maxOpenPositions: 3 } })
        .expect(200);
      await http()
        .post('/paper-trading/start')
        .send({
          accountId,
          strategy: 'ma-crossover',
          params: { fast: 2, slow: 5 },
          symbols: ['SPY'],
          signalIntervalSec: 60,
        })
        .expect(200);
      const ticked = await waitFor(async () => {
        const res = await http().get('/paper-trading/status').query({ accountId });
        return res.body.data.tickCount >= 3 ? res.body.data : undefined;
      }, 'three ticks on PostgreSQL');
      expect(ticked.state).toBe('running');
      await http().post('/paper-trading/stop').send({ accountId }).expect(200);
      const order = (
        await http()
          .post('/api/orders')
          .send({ accountId, symbol: 'AAPL', side: 'buy', type: 'market', notional: 40 })
          .expect(201)
      ).body.data;
      expect(order.status).toBe('filled');
      const fills = await admin.query(
        `SELECT quantity, price FROM "${schema}".paper_trades WHERE order_id = $1`,
        [order.id],
      );
      expect(fills).toEqual([{ quantity: order.filledQuantity, price: expect.any(String) }]);
      const before = (await http().get('/api/portfolio').query({ accountId }).expect(200)).body
        .data;
      const snapshots = await admin.query(
        `SELECT count(*)::int AS n FROM "${schema}".equity_snapshots WHERE account_id = $1`,
        [accountId],
      );
      expect(snapshots[0].n).toBeGreaterThanOrEqual(3);
      await t.close();

      t = await start();
      const accounts = (await http().get('/api/accounts').expect(200)).body.data;
      expect(accounts.map((a: { name: string }) => a.name)).toContain('On Postgres');
      expect((await http().get('/api/config').expect(200)).body.data.risk.maxOpenPositions).toBe(3);
      const after = (await http().get('/api/portfolio').query({ accountId }).expect(200)).body.data;
      expect(after.cash).toBe(before.cash);
      expect(after.positions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ symbol: 'AAPL', quantity: order.filledQuantity }),
        ]),
      );
      expect(after.positions).toEqual(
        before.positions.map((p: object) =>
          expect.objectContaining({
            ...p,
            lastPrice: expect.anything(),
            marketValue: expect.anything(),
            unrealizedPnl: expect.anything(),
            unrealizedPnlPct: expect.anything(),
            weight: expect.anything(),
          }),
        ),
      );
    }, 120_000);

    it('stores a backtest CSV once for the runs that share it and deletes it with the last', async () => {
      t ??= await start();
      const body = {
        symbols: ['ORCL'],
        strategy: 'ma-crossover',
        from: '2013-01-01',
        to: '2013-12-31',
        source: { type: 'csv', csv: ORCL_2013_CSV },
      };
      const runs: BacktestRun[] = [];
      for (let i = 0; i < 2; i++)
        runs.push((await http().post('/api/backtests').send(body).expect(202)).body.data);
      const uploads = () => admin.query(`SELECT id FROM "${schema}".backtest_uploads`);
      expect(await uploads()).toHaveLength(1);
      for (const run of runs) {
        expect((await pollUntilFinished(t, run.id)).pop()?.status).toBe('completed');
        await http().delete(`/api/backtests/${run.id}`).expect(200);
      }
      expect(await uploads()).toEqual([]);
    }, 60_000);
  },
);
