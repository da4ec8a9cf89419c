import type { BacktestRun, BacktestRunsPage } from '@ptp/contracts';
import request from 'supertest';
import {
  ORCL_2013_CSV,
  ORCL_FILE,
  pollUntilFinished,
  runRow,
  SMALL_SIMULATED_RUN,
  uploadRow,
} from './backtests.helpers';
import { useTestApp } from './test-app';

const REPORT_KEYS = [
  'cash',
  'equityCurve',
  'fills',
  'finalEquity',
  'metrics',
  'performance',
  'positions',
  'trades',
];
/** ORCL over 2013 with risk off: the fields the CSV runs below share. */
const ORCL_2013 = { symbols: ['ORCL'], from: '2013-01-01', to: '2013-12-31', risk: false };

describe('backtest runs over REST (real HTTP, real SQLite file, worker threads)', () => {
  const app = useTestApp({}, 60_000);
  const http = () => request(app().app.getHttpServer());

  it('runs a simulated backtest to completion with rising progress and the CLI report', async () => {
    const submitted = await http().post('/api/backtests').send(SMALL_SIMULATED_RUN).expect(202);
    const run = submitted.body.data as BacktestRun;
    // The run as accepted, though a worker thread may already be running it.
    expect(run).toMatchObject({ status: 'queued', progress: 0, ranBy: null, startedAt: null });
    expect(run.request).toEqual(
      expect.objectContaining({
        accountId: 'default',
        symbols: ['SPY', 'AAPL'],
        params: { fast: 5, slow: 20 },
        capital: 500,
        slippageBps: 5,
        sizing: { mode: 'auto' },
      }),
    );
    const seen = await pollUntilFinished(app(), run.id);
    const done = seen[seen.length - 1];
    expect(done.status).toBe('completed');
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(done.progress).toBe(1);
    expect(Object.keys(done.report ?? {}).sort()).toEqual(REPORT_KEYS);
    expect(done.report?.finalEquity).toEqual(expect.any(Number));
    expect(done.error).toBeNull();
    expect(done.finishedAt).toEqual(expect.any(String));

    const again = (await http().post('/api/backtests').send(SMALL_SIMULATED_RUN).expect(202)).body
      .data as BacktestRun;
    const repeat = (await pollUntilFinished(app(), again.id)).pop();
    expect(repeat?.report).toEqual(done.report);
  }, 60_000);

  it('runs with corporate actions and the execution options, echoing them in the request', async () => {
    const base = {
      ...ORCL_2013,
      strategy: 'ma-crossover',
      capital: 100_000,
      sizing: { mode: 'quantity', quantity: 100 },
      source: { type: 'csv', csv: ORCL_2013_CSV },
    };
    const split = { ticker: 'ORCL', execution_date: '2013-07-01', split_from: 1, split_to: 2 };
    const tuned = {
      ...base,
      execution: { maxVolumePct: 0.0001, limitFillRule: 'through' },
      corporateActions: { splits: [split] },
    };
    const reports = [];
    for (const body of [base, tuned]) {
      const run = (await http().post('/api/backtests').send(body).expect(202)).body.data;
      const done = (await pollUntilFinished(app(), run.id)).pop();
      expect(done?.status).toBe('completed');
      reports.push({ request: done?.request, report: done?.report });
    }
    const [plain, capped] = reports;
    expect(plain.request?.['execution']).toEqual({ maxVolumePct: null, limitFillRule: 'touch' });
    expect(capped.request?.['execution']).toEqual(tuned.execution);
    expect(capped.request?.['corporateActions']).toEqual({ splits: [split], dividends: [] });
    expect(plain.report?.fills.length).toBeGreaterThan(0);
    expect(capped.report?.fills.length).toBeGreaterThan(plain.report?.fills.length ?? 0);
  }, 60_000);

  it('runs an uploaded Yahoo CSV and lists runs newest first without reports', async () => {
    const count = async (query: string): Promise<number> =>
      (await http().get(`/api/backtests${query}`).expect(200)).body.data.total;
    const before = { all: await count(''), completed: await count('?status=completed') };
    // Two finished runs of its own ahead of the CSV one, so the list has three to order.
    const earlier: BacktestRun[] = [];
    for (let i = 0; i < 2; i++) {
      const queued = (await http().post('/api/backtests').send(SMALL_SIMULATED_RUN).expect(202))
        .body.data as BacktestRun;
      const finished = (await pollUntilFinished(app(), queued.id)).pop() as BacktestRun;
      expect(finished.status).toBe('completed');
      earlier.push(finished);
    }
    const body = {
      ...ORCL_2013,
      strategy: 'rsi-mean-reversion',
      source: { type: 'csv', csv: ORCL_2013_CSV },
    };
    const run = (await http().post('/api/backtests').send(body).expect(202)).body
      .data as BacktestRun;
    expect(run.request['data']).toEqual({
      kind: 'csv',
      bytes: Buffer.byteLength(ORCL_2013_CSV),
      adjusted: false,
    });
    const done = (await pollUntilFinished(app(), run.id)).pop();
    expect(done?.status).toBe('completed');
    expect(Object.keys(done?.report ?? {}).sort()).toEqual(REPORT_KEYS);

    const page = (await http().get('/api/backtests?limit=2').expect(200)).body
      .data as BacktestRunsPage;
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.total).toBe(before.all + 3);
    expect(page.items.map((item) => item.id)).toEqual([run.id, earlier[1].id]);
    expect(page.items[0]).not.toHaveProperty('report');
    expect(page.items[1]).not.toHaveProperty('report');
    // All three runs it made completed, and the status filter counts each of them.
    expect(await count('?status=completed')).toBe(before.completed + 3);
  }, 60_000);

  it('deletes a finished run with its report and its upload, and nothing else', async () => {
    // A blank line more: content of its own, so no earlier run shares the upload.
    const csv = `${ORCL_2013_CSV}\n`;
    const body = { ...ORCL_2013, strategy: 'ma-crossover', source: { type: 'csv', csv } };
    const kept = (await http().post('/api/backtests').send(SMALL_SIMULATED_RUN).expect(202)).body
      .data as BacktestRun;
    const run = (await http().post('/api/backtests').send(body).expect(202)).body
      .data as BacktestRun;
    expect((await pollUntilFinished(app(), run.id)).pop()?.status).toBe('completed');
    const uploadId = (await runRow(app(), run.id))?.uploadId;
    expect(await uploadRow(app(), uploadId as string)).not.toBeNull();

    const deleted = (await http().delete(`/api/backtests/${run.id}`).expect(200)).body
      .data as BacktestRun;
    expect(deleted).toEqual(expect.objectContaining({ id: run.id, status: 'completed' }));
    expect(deleted).not.toHaveProperty('report');
    expect((await http().get(`/api/backtests/${run.id}`).expect(404)).body.error.code).toBe(
      'BACKTEST_NOT_FOUND',
    );
    expect(await runRow(app(), run.id)).toBeNull();
    expect(await uploadRow(app(), uploadId as string)).toBeNull();
    await http().delete(`/api/backtests/${run.id}`).expect(404);
    await http().get(`/api/backtests/${kept.id}`).expect(200);
  }, 60_000);

  it('runs a CSV uploaded as multipart/form-data exactly like the same CSV sent inline', async () => {
    const fields = {
      ...ORCL_2013,
      strategy: 'ma-crossover',
      sizing: { mode: 'quantity', quantity: 10 },
    };
    const inline = (
      await http()
        .post('/api/backtests')
        .send({ ...fields, source: { type: 'csv', csv: ORCL_2013_CSV } })
        .expect(202)
    ).body.data as BacktestRun;
    const upload = http()
      .post('/api/backtests/upload')
      .attach('file', ORCL_FILE, 'orcl.csv')
      .field('request', JSON.stringify(fields));
    const uploaded = (await upload.expect(202)).body.data as BacktestRun;
    expect(uploaded.request['data']).toEqual({
      kind: 'csv',
      bytes: ORCL_FILE.length,
      adjusted: false,
    });
    const [a, b] = [
      (await pollUntilFinished(app(), inline.id)).pop(),
      (await pollUntilFinished(app(), uploaded.id)).pop(),
    ];
    expect(b?.status).toBe('completed');
    expect(b?.report?.fills.length).toBeGreaterThan(0);
    expect(b?.report).toEqual(a?.report);
  }, 60_000);

  it("fails a run whose CSV is malformed, with the parser's reason", async () => {
    const body = {
      symbols: ['ORCL'],
      strategy: 'ma-crossover',
      from: '2013-01-01',
      to: '2013-12-31',
      source: { type: 'csv', csv: 'Date,Close\n2013-01-02,30' },
    };
    const run = (await http().post('/api/backtests').send(body).expect(202)).body
      .data as BacktestRun;
    const done = (await pollUntilFinished(app(), run.id)).pop();
    expect(done?.status).toBe('failed');
    expect(done?.error).toMatch(/DATA_BAD_HEADER/);
    expect(done?.report).toBeNull();
  }, 60_000);

  it('quotes at most a few hundred characters of a malformed line in the error', async () => {
    const header = `Date,${'Open'.repeat(100_000)}`;
    const body = {
      ...ORCL_2013,
      strategy: 'ma-crossover',
      source: { type: 'csv', csv: `${header}\n2013-01-02,30` },
    };
    const run = (await http().post('/api/backtests').send(body).expect(202)).body
      .data as BacktestRun;
    const done = (await pollUntilFinished(app(), run.id)).pop();
    expect(done?.error).toMatch(
      /^DATA_BAD_HEADER: line 1: expected header .*, got "Date,OpenOpen.*…$/,
    );
    expect(done?.error?.length).toBeLessThanOrEqual(501);
  }, 60_000);
});
