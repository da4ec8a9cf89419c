import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StartupRefusal } from '@ptp/api/config';
import { Database } from 'sqlite3';
import { claimSqliteDatabase, releaseSqliteDatabase, sqliteLockPath } from './sqlite-process-lock';

/** Another holder of the lock file, as a second server would be (SQLite locks per connection). */
function otherHolder(lockPath: string): Promise<Database> {
  return new Promise((resolve, reject) => {
    const db: Database = new Database(lockPath, (openError) => {
      if (openError) return reject(openError);
      db.configure('busyTimeout', 0);
      db.exec('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;', (error) =>
        error ? db.close(() => reject(error)) : resolve(db),
      );
    });
  });
}

const close = (db: Database) => new Promise<void>((resolve) => db.close(() => resolve()));

describe('the one-process claim on a SQLite database', () => {
  it('refuses while someone else holds the lock file, naming the database, and claims once it is free', async () => {
    const database = join(mkdtempSync(join(tmpdir(), 'ptp-claim-')), 'paper-trading.sqlite');
    const other = await otherHolder(sqliteLockPath(database));

    const refusal = await claimSqliteDatabase(database).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StartupRefusal);
    expect((refusal as Error).message).toContain(`SQLite database ${database}`);

    await close(other);
    await claimSqliteDatabase(database);
    await expect(otherHolder(sqliteLockPath(database))).rejects.toMatchObject({
      code: 'SQLITE_BUSY',
    });

    await releaseSqliteDatabase(database);
    await close(await otherHolder(sqliteLockPath(database)));
  });
});
