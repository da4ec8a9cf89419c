import * as sqlite3 from 'sqlite3';

/** Prepared statements kept per connection: every query TypeORM issues, with room for multi-row variants. */
const STATEMENT_CACHE_CAPACITY = 256;

type QueryCallback = (this: sqlite3.RunResult, error: Error | null, rows?: unknown[]) => void;
type Query = (sql: string, ...args: unknown[]) => sqlite3.Database;
type StatementConstructor = new (
  db: sqlite3.Database,
  sql: string,
  prepared: (error: Error | null) => void,
) => sqlite3.Statement;

interface Kept {
  readonly statement: sqlite3.Statement;
  ready: boolean;
}

const caches = new WeakMap<sqlite3.Database, ReadonlyMap<string, Kept>>();

/** How many prepared statements the connection keeps (those still being prepared included). */
export function keptStatementCount(db: sqlite3.Database): number {
  return caches.get(db)?.size ?? 0;
}

/**
 * node-sqlite3 runs every `db.run(sql, …)` and `db.all(sql, …)` as a new statement: prepared, run
 * and finalized, each a trip through its thread pool. TypeORM issues every query that way, so an
 * order's transaction of eight statements paid for 24 trips. This keeps each connection's prepared
 * statements by SQL text (least recently used out), so a repeated query is one trip; binding resets
 * the statement and clears the previous values first, and SQLite prepares it again by itself after
 * a schema change. A statement still being prepared is not shared: a second caller meanwhile runs its
 * own, as before. A failed prepare reaches its caller as before and keeps nothing. The connection's
 * `close` finalizes the kept statements first (SQLite refuses to close with statements open).
 */
export function cacheStatements(
  db: sqlite3.Database,
  capacity = STATEMENT_CACHE_CAPACITY,
): sqlite3.Database {
  const kept = new Map<string, Kept>();
  caches.set(db, kept);
  const uncached = { run: db.run, all: db.all } as unknown as Record<'run' | 'all', Query>;

  const keep = (sql: string, callback: QueryCallback): sqlite3.Statement => {
    const Statement = sqlite3.Statement as unknown as StatementConstructor;
    const entry: Kept = {
      ready: false,
      statement: new Statement(db, sql, (error) => {
        if (!error) return void (entry.ready = true);
        if (kept.get(sql) === entry) kept.delete(sql);
        callback.call({} as sqlite3.RunResult, error);
      }),
    };
    kept.set(sql, entry);
    if (kept.size > capacity) {
      const [oldest, evicted] = kept.entries().next().value as [string, Kept];
      kept.delete(oldest);
      evicted.statement.finalize();
    }
    return entry.statement;
  };

  const query =
    (method: 'run' | 'all'): Query =>
    (sql, ...args) => {
      const entry = kept.get(sql);
      // Only TypeORM's shape, (sql, params, callback); any other call is sqlite3's own.
      const [params, callback] = args as [unknown, QueryCallback];
      if (args.length !== 2 || typeof callback !== 'function' || (entry && !entry.ready))
        return uncached[method].call(db, sql, ...args);
      if (entry) {
        kept.delete(sql);
        kept.set(sql, entry);
      }
      const statement = entry?.statement ?? keep(sql, callback);
      const values = Array.isArray(params) ? params : params === undefined ? [] : [params];
      if (values.length === 0) statement[method](callback);
      else statement[method](values, callback);
      return db;
    };

  const close = db.close;
  return Object.assign(db, {
    run: query('run'),
    all: query('all'),
    close(this: sqlite3.Database, callback?: (error: Error | null) => void) {
      for (const { statement } of kept.values()) statement.finalize();
      kept.clear();
      close.call(this, callback);
    },
  });
}
