import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret } from '@ptp/api/config';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

/** The PostgreSQL server the specs use (`TEST_DATABASE_URL`); PTP_SKIP_POSTGRES=1 skips them. */
const TEST_POSTGRES_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export const describePostgres = process.env['PTP_SKIP_POSTGRES'] === '1' ? describe.skip : describe;

export type DatabaseKind = 'sqlite' | 'postgres';

/** Options for a fresh database (a SQLite file, a PostgreSQL schema) and how to remove it. */
export async function scratchDatabase(
  kind: DatabaseKind,
): Promise<{ options: DataSourceOptions; remove: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ptp-scratch-'));
    return {
      options: buildDataSourceOptions({ type: 'sqlite', path: join(dir, 'test.sqlite') }),
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `ptp_scratch_${process.pid}_${Date.now()}`;
  const admin = await new DataSource({ type: 'postgres', url: TEST_POSTGRES_URL }).initialize();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  return {
    options: buildDataSourceOptions(
      { type: 'postgres', url: new Secret(TEST_POSTGRES_URL) },
      { schema },
    ),
    remove: async () => {
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.destroy();
    },
  };
}

/** Opens `dataSource`, hands it to `use`, and closes it whatever happens. */
export async function withDataSource(
  dataSource: DataSource,
  use: (dataSource: DataSource) => Promise<void>,
): Promise<void> {
  await dataSource.initialize();
  try {
    await use(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** A fresh database with every migration run, handed to `use`, then removed. */
export async function withScratchDatabase(
  kind: DatabaseKind,
  use: (dataSource: DataSource) => Promise<void>,
): Promise<void> {
  const { options, remove } = await scratchDatabase(kind);
  try {
    await withDataSource(new DataSource(options), use);
  } finally {
    await remove();
  }
}
