import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BacktestRun } from '@ptp/contracts';
import request from 'supertest';
import {
  LONG_SIMULATED_RUN,
  ORCL_2013_CSV,
  ORCL_FILE,
  platformConfigWithBacktests,
  pollUntilFinished,
  runRow,
  uploadRows,
} from './backtests.helpers';
import { useTestApp } from './test-app';

const MB = 1024 * 1024;
const ORCL_2013 = {
  symbols: ['ORCL'],
  strategy: 'ma-crossover',
  from: '2013-01-01',
  to: '2013-12-31',
};
/** A row of the CSV: the text that must never come back in an answer. */
const CSV_ROW = ORCL_2013_CSV.split('\n')[1];
/** Two different files that fit the 1 MB quota alone but not together. */
const [FILE_A, FILE_B] = ['a', 'b'].map((fill) =>
  Buffer.from(`Date,Open,High,Low,Close,Adj Close,Volume\n${fill.repeat(600_000)}\n`),
);

describe('backtest uploads: stored once, within a quota, deleted with their runs; worker memory limits', () => {
  const configDir = mkdtempSync(join(tmpdir(), 'ptp-uploads-'));
  const app = useTestApp(
    {
      PLATFORM_CONFIG: platformConfigWithBacktests(configDir, {
        maxConcurrent: 2,
        uploadQuotaMb: 1,
        workerMemoryMb: 32,
      }),
    },
    60_000,
  );
  const http = () => request(app().app.getHttpServer());
  const upload = (file: Buffer, fields: object = ORCL_2013) =>
    http()
      .post('/api/backtests/upload')
      .attach('file', file, 'bars.csv')
      .field('request', JSON.stringify(fields));
  const finish = async (run: BacktestRun): Promise<BacktestRun> =>
    (await pollUntilFinished(app(), run.id)).pop() as BacktestRun;
  const remove = (run: BacktestRun) => http().delete(`/api/backtests/${run.id}`).expect(200);

  it('stores a CSV once however many runs use it, never answers with its text, and deletes it with the last run', async () => {
    const inline = (
      await http()
        .post('/api/backtests')
        .send({ ...ORCL_2013, source: { type: 'csv', csv: ORCL_2013_CSV } })
        .expect(202)
    ).body.data as BacktestRun;
    const uploaded = (await upload(ORCL_FILE).expect(202)).body.data as BacktestRun;
    const adjusted = (
      await upload(ORCL_FILE, { ...ORCL_2013, source: { type: 'csv', adjusted: true } }).expect(202)
    ).body.data as BacktestRun;
    const runs = [inline, uploaded, adjusted];

    const uploads = await uploadRows(app());
    expect(uploads).toEqual([
      expect.objectContaining({ ownerUserId: null, sizeBytes: ORCL_FILE.length }),
    ]);
    for (const run of runs) expect((await runRow(app(), run.id))?.uploadId).toBe(uploads[0].id);
    expect(adjusted.request['data']).toEqual({
      kind: 'csv',
      bytes: ORCL_FILE.length,
      adjusted: true,
    });

    for (const run of runs) expect((await finish(run)).status).toBe('completed');
    const list = await http().get('/api/backtests').expect(200);
    expect(list.body.data.items).toHaveLength(3);
    expect(list.text).not.toContain(CSV_ROW);
    expect((await http().get(`/api/backtests/${inline.id}`).expect(200)).text).not.toContain(
      CSV_ROW,
    );

    await remove(inline);
    await remove(uploaded);
    expect(await uploadRows(app())).toHaveLength(1);
    await remove(adjusted);
    expect(await uploadRows(app())).toEqual([]);
  }, 60_000);

  it('refuses an upload beyond the quota with 413 UPLOAD_QUOTA_EXCEEDED and stores nothing', async () => {
    const first = (await upload(FILE_A).expect(202)).body.data as BacktestRun;
    const total = async (): Promise<number> =>
      (await http().get('/api/backtests').expect(200)).body.data.total;
    const before = await total();

    const refused = await upload(FILE_B).expect(413);
    expect(refused.body.error).toEqual(
      expect.objectContaining({
        code: 'UPLOAD_QUOTA_EXCEEDED',
        details: { used: FILE_A.length, limit: MB, requested: FILE_B.length },
      }),
    );
    expect(await total()).toBe(before);
    expect((await uploadRows(app())).map((row) => row.sizeBytes)).toEqual([FILE_A.length]);

    // The same content again takes no more room; once its runs are deleted, the other one fits.
    const again = (await upload(FILE_A).expect(202)).body.data as BacktestRun;
    for (const run of [first, again]) {
      expect((await finish(run)).error).toMatch(/^DATA_/);
      await remove(run);
    }
    const second = (await upload(FILE_B).expect(202)).body.data as BacktestRun;
    await finish(second);
    await remove(second);
  }, 60_000);

  it('fails a run that outgrows backtests.workerMemoryMb with BACKTEST_OUT_OF_MEMORY and keeps serving', async () => {
    const run = (await http().post('/api/backtests').send(LONG_SIMULATED_RUN).expect(202)).body
      .data as BacktestRun;
    const failed = await finish(run);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^BACKTEST_OUT_OF_MEMORY: .*workerMemoryMb \(32 MB\)/);

    await http().get('/health/live').expect(200);
    const small = (await upload(ORCL_FILE).expect(202)).body.data as BacktestRun;
    expect((await finish(small)).status).toBe('completed');
  }, 60_000);
});
