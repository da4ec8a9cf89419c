import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseConfig } from '@ptp/api/config';
import type { DataSourceOptions } from 'typeorm';
import { CORE_ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { sqliteDriver } from './sqlite-driver';

const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * TypeORM options for the configured database. Migrations always run at start-up and the schema
 * is never synchronised from entities, so SQLite and PostgreSQL end up with the same tables.
 */
export function buildDataSourceOptions(
  database: DatabaseConfig,
  extra: Partial<{ schema: string }> = {},
): DataSourceOptions {
  const common = {
    entities: CORE_ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    logging: false,
  } as const;
  if (database.type === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: database.url.reveal(),
      schema: extra.schema,
      connectTimeoutMS: 5000,
    };
  }
  mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    type: 'sqlite',
    driver: sqliteDriver,
    database: database.path,
    enableWAL: true,
    busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
  };
}
