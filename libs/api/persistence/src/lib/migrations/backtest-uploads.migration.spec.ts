import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { BacktestRunEntity, BacktestUploadEntity } from '../entities';
import { BacktestUploads1764000000006 } from './1764000000006-backtest-uploads';
import { migrationSql } from './migration-sql';
import { describePostgres } from '../scratch-database.testing';
import { acrossMigration, undoThrough } from './migration-upgrade.testing';

const ORCL = 'Date,Open,High,Low,Close,Adj Close,Volume\n2013-01-02,34,35,33,34.7,31.2,1000\n';
const SPY = 'Date,Open,High,Low,Close,Adj Close,Volume\n2013-01-02,145,146,144,146.1,130,99\n';
const REPORT = '{"finalEquity":501}';

const job = (data: Record<string, unknown>): Record<string, unknown> => ({
  symbols: ['ORCL'],
  strategy: 'ma-crossover',
  from: '2013-01-01',
  to: '2013-12-31',
  data,
});
const csvJob = (csv: string, adjusted = false) => job({ kind: 'csv', csv, adjusted });
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A run as the API stored it before the migration, through the same SQL on either database. */
async function insertRun(before: DataSource, id: string, request: unknown): Promise<void> {
  await migrationSql(
    before,
    'INSERT INTO {backtest_runs} (id, account_id, status, progress, request, report, created_at) ' +
      "VALUES (:id, 'default', 'completed', 1, :request, :report, 0)",
    { id, request: JSON.stringify(request), report: REPORT },
  );
}

async function requestOf(dataSource: DataSource, id: string): Promise<Record<string, unknown>> {
  const row = await dataSource
    .createQueryBuilder()
    .select('run.request', 'request')
    .from('backtest_runs', 'run')
    .where('run.id = :id', { id })
    .getRawOne<{ request: string }>();
  return JSON.parse(row?.request ?? 'null');
}

async function seed(before: DataSource): Promise<void> {
  await insertRun(before, 'orcl-1', csvJob(ORCL));
  await insertRun(before, 'orcl-2', csvJob(ORCL, true));
  await insertRun(before, 'spy', csvJob(SPY));
  await insertRun(before, 'sim', job({ kind: 'simulated', seed: 7 }));
}

async function check(after: DataSource): Promise<void> {
  const uploads = await after
    .getRepository(BacktestUploadEntity)
    .find({ order: { sha256: sha256(ORCL) < sha256(SPY) ? 'ASC' : 'DESC' } });
  expect(uploads).toEqual([
    expect.objectContaining({ ownerUserId: null, sha256: sha256(ORCL), content: ORCL }),
    expect.objectContaining({ ownerUserId: null, sha256: sha256(SPY), content: SPY }),
  ]);
  expect(uploads.map((upload) => upload.sizeBytes)).toEqual([ORCL.length, SPY.length]);
  const runs = after.getRepository(BacktestRunEntity);
  const uploadOf = async (id: string) => (await runs.findOneByOrFail({ id })).uploadId;
  expect(await uploadOf('orcl-1')).toBe(uploads[0].id);
  expect(await uploadOf('orcl-2')).toBe(uploads[0].id);
  expect(await uploadOf('spy')).toBe(uploads[1].id);
  expect(await uploadOf('sim')).toBeNull();
  expect(await requestOf(after, 'orcl-2')).toEqual(
    job({ kind: 'csv', adjusted: true, bytes: ORCL.length }),
  );
  expect(await requestOf(after, 'sim')).toEqual(job({ kind: 'simulated', seed: 7 }));
  expect((await runs.findOneByOrFail({ id: 'orcl-1' })).report).toBe(REPORT);

  await undoThrough(after, BacktestUploads1764000000006);
  expect(await requestOf(after, 'orcl-2')).toEqual(csvJob(ORCL, true));
  expect(await requestOf(after, 'spy')).toEqual(csvJob(SPY));
  const runner = after.createQueryRunner();
  try {
    expect(await runner.hasTable('backtest_uploads')).toBe(false);
    expect((await runner.getTable('backtest_runs'))?.findColumnByName('upload_id')).toBeUndefined();
  } finally {
    await runner.release();
  }
}

const TITLE =
  'moves each distinct CSV out of the runs into one upload they refer to, and back on revert';

describe('the backtest-uploads migration on SQLite', () => {
  it(TITLE, () => acrossMigration(BacktestUploads1764000000006, seed, check));
});

describePostgres('the backtest-uploads migration on PostgreSQL', () => {
  it(TITLE, () => acrossMigration(BacktestUploads1764000000006, seed, check, 'postgres'));
});
