import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret } from '@ptp/api/config';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { buildDataSourceOptions } from '../data-source-options';
import { MIGRATIONS } from './index';

async function withDataSource(
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

/** The PostgreSQL server the specs use (`TEST_DATABASE_URL`); PTP_SKIP_POSTGRES=1 skips them. */
const TEST_POSTGRES_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Options for a fresh database of the kind asked for, and how to remove it afterwards. */
async function scratchDatabase(
  kind: 'sqlite' | 'postgres',
): Promise<{ options: DataSourceOptions; remove: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ptp-migration-'));
    return {
      options: buildDataSourceOptions({ type: 'sqlite', path: join(dir, 'test.sqlite') }),
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `ptp_upgrade_${process.pid}_${Date.now()}`;
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

/**
 * An upgrade as a user's database goes through it: a database (a SQLite file by default, or a
 * PostgreSQL schema) migrated up to just before `migration` is seeded, then opened with every
 * migration (which runs `migration` on the seeded rows) and checked. The database is removed
 * afterwards.
 */
export async function acrossMigration(
  migration: (typeof MIGRATIONS)[number],
  seed: (before: DataSource) => Promise<void>,
  check: (after: DataSource) => Promise<void>,
  kind: 'sqlite' | 'postgres' = 'sqlite',
): Promise<void> {
  const { options, remove } = await scratchDatabase(kind);
  try {
    const earlier = MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration));
    await withDataSource(new DataSource({ ...options, migrations: earlier }), seed);
    await withDataSource(new DataSource(options), check);
  } finally {
    await remove();
  }
}

/** Reverts every migration from the newest back to `migration`, included. */
export async function undoThrough(
  dataSource: DataSource,
  migration: (typeof MIGRATIONS)[number],
): Promise<void> {
  const count = MIGRATIONS.length - MIGRATIONS.indexOf(migration);
  for (let undone = 0; undone < count; undone++) await dataSource.undoLastMigration();
}
