import { createHash, randomUUID } from 'node:crypto';
import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { id, str, text, time } from './migration-columns';
import { migrationSql as sql } from './migration-sql';

/** Named as on the entities, so the schema the migrations build is the one the entities describe. */
export const UPLOAD_OWNER_INDEX = 'IDX_backtest_uploads_owner_sha256';
export const RUN_UPLOAD_INDEX = 'IDX_backtest_runs_upload_id';

interface StoredJob {
  readonly data: { readonly kind: string; readonly csv?: string; readonly bytes?: number };
}

/** Only the ids: each request, which may hold megabytes of CSV, is then read on its own. */
async function runIds(runner: QueryRunner, where: string): Promise<string[]> {
  const rows = await sql<{ id: string }>(runner, `SELECT id FROM {backtest_runs} WHERE ${where}`);
  return rows.map((row) => row.id);
}

async function storedJob(runner: QueryRunner, runId: string): Promise<StoredJob> {
  const [row] = await sql<{ request: string }>(
    runner,
    'SELECT request FROM {backtest_runs} WHERE id = :runId',
    { runId },
  );
  return JSON.parse(row.request) as StoredJob;
}

/**
 * CSV uploads move out of the run rows into a table of their own, one row per distinct content and
 * owner; a run refers to its upload by `upload_id` and keeps only the CSV's size in its request.
 * Runs from before owners existed are unowned (NULL).
 */
export class BacktestUploads1764000000006 implements MigrationInterface {
  name = 'BacktestUploads1764000000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'backtest_uploads',
        columns: [
          id(),
          str('owner_user_id', 64, true),
          str('sha256', 64),
          { name: 'size_bytes', type: 'integer' },
          text('content'),
          time('created_at'),
        ],
        indices: [
          new TableIndex({ name: UPLOAD_OWNER_INDEX, columnNames: ['owner_user_id', 'sha256'] }),
        ],
      }),
    );
    await queryRunner.addColumn('backtest_runs', new TableColumn(str('upload_id', 64, true)));
    await queryRunner.createIndex(
      'backtest_runs',
      new TableIndex({ name: RUN_UPLOAD_INDEX, columnNames: ['upload_id'] }),
    );
    await this.moveCsvsOut(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const runId of await runIds(queryRunner, 'upload_id IS NOT NULL')) {
      const job = await storedJob(queryRunner, runId);
      const [upload] = await sql<{ content: string }>(
        queryRunner,
        'SELECT content FROM {backtest_uploads} WHERE id = (SELECT upload_id FROM {backtest_runs} WHERE id = :runId)',
        { runId },
      );
      const { bytes: _bytes, ...data } = job.data;
      await sql(queryRunner, 'UPDATE {backtest_runs} SET request = :request WHERE id = :runId', {
        request: JSON.stringify({ ...job, data: { ...data, csv: upload.content } }),
        runId,
      });
    }
    await queryRunner.dropIndex('backtest_runs', RUN_UPLOAD_INDEX);
    await queryRunner.dropColumn('backtest_runs', 'upload_id');
    await queryRunner.dropTable('backtest_uploads');
  }

  private async moveCsvsOut(queryRunner: QueryRunner): Promise<void> {
    const uploadIdBySha = new Map<string, string>();
    for (const runId of await runIds(queryRunner, `request LIKE '%"kind":"csv"%'`)) {
      const job = await storedJob(queryRunner, runId);
      const { csv, ...data } = job.data;
      if (data.kind !== 'csv' || typeof csv !== 'string') continue;
      const sha256 = createHash('sha256').update(csv, 'utf8').digest('hex');
      const bytes = Buffer.byteLength(csv, 'utf8');
      let uploadId = uploadIdBySha.get(sha256);
      if (uploadId === undefined) {
        uploadId = randomUUID();
        uploadIdBySha.set(sha256, uploadId);
        await sql(
          queryRunner,
          'INSERT INTO {backtest_uploads} (id, owner_user_id, sha256, size_bytes, content, created_at) ' +
            'VALUES (:uploadId, NULL, :sha256, :bytes, :csv, :createdAt)',
          { uploadId, sha256, bytes, csv, createdAt: Date.now() },
        );
      }
      await sql(
        queryRunner,
        'UPDATE {backtest_runs} SET request = :request, upload_id = :uploadId WHERE id = :runId',
        { request: JSON.stringify({ ...job, data: { ...data, bytes } }), uploadId, runId },
      );
    }
  }
}
