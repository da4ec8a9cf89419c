import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CLUSTER_REQUIREMENT, StartupRefusal } from '@ptp/api/config';
import { Database } from 'sqlite3';

/**
 * Connections holding a lock file, by database path. Referenced here so that garbage collection
 * never finalises one: closing the connection is what gives the lock up.
 */
const held = new Map<string, Database>();

function open(path: string): Promise<Database> {
  return new Promise((resolve, reject) => {
    const db: Database = new Database(path, (error) => (error ? reject(error) : resolve(db)));
  });
}

function run(db: Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) =>
    db.exec(sql, (error) => (error ? reject(error) : resolve())),
  );
}

function close(db: Database): Promise<void> {
  return new Promise((resolve) => db.close(() => resolve()));
}

export function sqliteLockPath(databasePath: string): string {
  return `${databasePath}.lock`;
}

/**
 * Claims the SQLite database for this process until it exits. A second connection, on a small
 * side file, keeps an exclusive transaction open: SQLite's own file lock, which the operating
 * system drops when the process dies however it dies (SIGKILL included), so nothing goes stale.
 * The database itself stays unlocked, so short-lived tools such as `npm run users` can still use it.
 */
export async function claimSqliteDatabase(databasePath: string): Promise<void> {
  if (held.has(databasePath)) return;
  const lockPath = sqliteLockPath(databasePath);
  mkdirSync(dirname(lockPath), { recursive: true });
  const db = await open(lockPath);
  db.configure('busyTimeout', 0);
  try {
    await run(db, 'PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;');
  } catch (error) {
    await close(db);
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    throw new StartupRefusal(
      `Refusing to start: another process is already running on the SQLite database ` +
        `${databasePath} (it holds ${lockPath}). SQLite serves one process at a time: stop the ` +
        `other one, or give this one its own DATA_DIR. ${CLUSTER_REQUIREMENT}`,
    );
  }
  held.set(databasePath, db);
}

/** Gives the claim up (tests; a server keeps it until it exits). */
export async function releaseSqliteDatabase(databasePath: string): Promise<void> {
  const db = held.get(databasePath);
  held.delete(databasePath);
  if (db) await close(db);
}
