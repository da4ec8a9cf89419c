import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
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

/**
 * An upgrade as a user's database goes through it: a SQLite file migrated up to just before
 * `migration` is seeded, then opened with every migration (which runs `migration` on the seeded
 * rows) and checked. The file lives in a temporary folder removed afterwards.
 */
export async function acrossMigration(
  migration: (typeof MIGRATIONS)[number],
  seed: (before: DataSource) => Promise<void>,
  check: (after: DataSource) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ptp-migration-'));
  const options = buildDataSourceOptions({ type: 'sqlite', path: join(dir, 'test.sqlite') });
  try {
    const earlier = MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration));
    await withDataSource(new DataSource({ ...options, migrations: earlier }), seed);
    await withDataSource(new DataSource(options), check);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
