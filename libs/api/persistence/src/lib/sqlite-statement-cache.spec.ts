import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database, type RunResult } from 'sqlite3';
import { cacheStatements, keptStatementCount } from './sqlite-statement-cache';

interface Answer {
  readonly error: Error | null;
  readonly rows?: unknown[];
  readonly lastID?: number;
  readonly changes?: number;
}

/** A query in TypeORM's shape, (sql, params, callback), as a promise of what the callback got. */
function ask(
  db: Database,
  method: 'run' | 'all',
  sql: string,
  params?: unknown[],
): Promise<Answer> {
  return new Promise((resolve) =>
    db[method](sql, params, function (this: RunResult, error: Error | null, rows?: unknown[]) {
      resolve({ error, rows, lastID: this.lastID, changes: this.changes });
    }),
  );
}

describe('cacheStatements (a real SQLite file)', () => {
  let dir: string;
  let db: Database;

  const open = async (capacity?: number) => {
    const raw = await new Promise<Database>((resolve, reject) => {
      const opened: Database = new Database(join(dir, 'cache.sqlite'), (error) =>
        error ? reject(error) : resolve(opened),
      );
    });
    return cacheStatements(raw, capacity);
  };
  const close = (connection: Database) =>
    new Promise<Error | null>((resolve) => connection.close((error) => resolve(error)));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ptp-statements-'));
    db = await open();
    await ask(db, 'run', 'CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, note TEXT)');
  });

  afterEach(async () => {
    await close(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers repeated queries from one kept statement each, with their own values', async () => {
    const insert = 'INSERT INTO t (name, note) VALUES (?, ?)';
    expect(await ask(db, 'run', insert, ['a', 'first'])).toMatchObject({ lastID: 1, changes: 1 });
    expect(await ask(db, 'run', insert, ['b', null])).toMatchObject({ lastID: 2, changes: 1 });
    const select = 'SELECT name, note FROM t WHERE id >= ? ORDER BY id';
    expect((await ask(db, 'all', select, [1])).rows).toEqual([
      { name: 'a', note: 'first' },
      { name: 'b', note: null },
    ]);
    expect((await ask(db, 'all', select, [2])).rows).toEqual([{ name: 'b', note: null }]);
    expect(keptStatementCount(db)).toBe(3);
  });

  it('shares a kept statement between concurrent callers', async () => {
    await ask(db, 'run', 'INSERT INTO t (name) VALUES (?)', ['a']);
    const select = 'SELECT name FROM t WHERE name = ?';
    await ask(db, 'all', select, ['a']);
    const answers = await Promise.all(
      ['a', 'b', 'a'].map((name) => ask(db, 'all', select, [name])),
    );
    expect(answers.map((answer) => answer.rows?.length)).toEqual([1, 0, 1]);
  });

  it('gives a failed prepare to its caller and keeps nothing', async () => {
    const before = keptStatementCount(db);
    const answer = await ask(db, 'all', 'SELEC name FROM t', []);
    expect(answer.error?.message).toMatch(/SQLITE_ERROR: near "SELEC"/);
    expect(keptStatementCount(db)).toBe(before);
    expect((await ask(db, 'all', 'SELECT count(*) AS n FROM t', [])).rows).toEqual([{ n: 0 }]);
  });

  it('reports a failed step, and the kept statement runs again afterwards', async () => {
    const insert = 'INSERT INTO t (name) VALUES (?)';
    await ask(db, 'run', insert, ['a']);
    const refused = await ask(db, 'run', insert, ['a']);
    expect(refused.error?.message).toMatch(/SQLITE_CONSTRAINT: UNIQUE constraint failed: t.name/);
    expect(await ask(db, 'run', insert, ['b'])).toMatchObject({ error: null, lastID: 2 });
  });

  it('runs statements without values, such as a transaction', async () => {
    await ask(db, 'run', 'BEGIN');
    await ask(db, 'run', 'INSERT INTO t (name) VALUES (?)', ['a']);
    await ask(db, 'run', 'ROLLBACK');
    await ask(db, 'run', 'BEGIN');
    await ask(db, 'run', 'INSERT INTO t (name) VALUES (?)', ['b']);
    await ask(db, 'run', 'COMMIT');
    expect((await ask(db, 'all', 'SELECT name FROM t')).rows).toEqual([{ name: 'b' }]);
  });

  it('sees a schema change through a kept statement', async () => {
    const select = 'SELECT * FROM t';
    expect((await ask(db, 'all', select)).rows).toEqual([]);
    await ask(db, 'run', 'ALTER TABLE t ADD COLUMN extra TEXT');
    await ask(db, 'run', 'INSERT INTO t (name, extra) VALUES (?, ?)', ['a', 'x']);
    expect((await ask(db, 'all', select)).rows).toEqual([
      { id: 1, name: 'a', note: null, extra: 'x' },
    ]);
  });

  it("holds no read snapshot between uses: another connection's commit is seen", async () => {
    await ask(db, 'all', 'PRAGMA journal_mode = WAL');
    const writer = await open();
    const count = 'SELECT count(*) AS n FROM t';
    expect((await ask(db, 'all', count)).rows).toEqual([{ n: 0 }]);
    await ask(writer, 'run', 'INSERT INTO t (name) VALUES (?)', ['a']);
    expect((await ask(db, 'all', count)).rows).toEqual([{ n: 1 }]);
    expect(await close(writer)).toBeNull();
  });

  it('keeps the least recently used statements up to its capacity, and still answers the others', async () => {
    const small = await open(2);
    const queries = ['SELECT 1 AS v', 'SELECT 2 AS v', 'SELECT 3 AS v'];
    for (const sql of queries) await ask(small, 'all', sql);
    expect(keptStatementCount(small)).toBe(2);
    for (const sql of queries) expect((await ask(small, 'all', sql)).rows).toHaveLength(1);
    expect(await close(small)).toBeNull();
  });

  it('finalizes what it keeps when the connection closes', async () => {
    await ask(db, 'all', 'SELECT 1 AS v');
    expect(await close(db)).toBeNull();
    expect(keptStatementCount(db)).toBe(0);
    db = await open();
  });

  it("leaves sqlite3's other call shapes to sqlite3", async () => {
    const error = await new Promise((resolve) => db.run('PRAGMA user_version = 7', resolve));
    expect(error).toBeNull();
    expect((await ask(db, 'all', 'PRAGMA user_version')).rows).toEqual([{ user_version: 7 }]);
  });
});
