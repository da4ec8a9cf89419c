import * as sqlite3 from 'sqlite3';
import { cacheStatements } from './sqlite-statement-cache';

type OpenCallback = (error: Error | null) => void;

/**
 * Opens a connection that runs with `synchronous = NORMAL` before its first statement. In WAL mode a
 * commit then appends to the WAL without an fsync of its own (the WAL is synced at each checkpoint):
 * a committed transaction survives a crash or kill of the process and the database is never
 * corrupted, but a power loss or an OS crash may take back the last commits. docs/benchmarks.md
 * ("Persisted orders") states the trade-off. TypeORM calls it with `new`; the object returned is
 * the sqlite3 connection, keeping its prepared statements (`cacheStatements`).
 */
function openNormalSync(file: string, ...rest: unknown[]): sqlite3.Database {
  const callback = rest.pop() as OpenCallback;
  const db: sqlite3.Database = new sqlite3.Database(file, ...(rest as [number]), (error) => {
    if (error) return callback(error);
    db.exec('PRAGMA synchronous = NORMAL', callback);
  });
  return cacheStatements(db);
}

/**
 * The sqlite3 module as TypeORM's driver. TypeORM calls `verbose()` on it, which in sqlite3 wraps
 * every statement call to capture a stack trace and `util.inspect` each bound value (the engine's
 * snapshot JSON included): a large share of each write's CPU. Here `verbose()` leaves the module as
 * it is; a failed statement still names its SQL through TypeORM's QueryFailedError.
 */
export const sqliteDriver = Object.create(sqlite3, {
  Database: { value: openNormalSync },
  verbose: { value: () => sqliteDriver },
}) as typeof sqlite3;
