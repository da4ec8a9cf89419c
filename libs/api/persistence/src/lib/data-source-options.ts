import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseConfig } from '@ptp/api/config';
import * as sqlite3 from 'sqlite3';
import type { DataSourceOptions } from 'typeorm';
import { CORE_ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * sqlite3 as TypeORM gets it, minus `verbose()`: TypeORM turns verbose mode on, which wraps every
 * database and statement call to capture a stack trace and inspect its arguments. That was a tenth
 * of the CPU of a polled GET, for nothing TypeORM's own query errors do not already say.
 */
const QUIET_SQLITE3 = { ...sqlite3, verbose: () => sqlite3 };

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
    driver: QUIET_SQLITE3,
    database: database.path,
    enableWAL: true,
    busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
  };
}
