import { DataSource } from 'typeorm';
import { type DatabaseKind, scratchDatabase, withDataSource } from '../scratch-database.testing';
import { MIGRATIONS } from './index';

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
  kind: DatabaseKind = 'sqlite',
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
