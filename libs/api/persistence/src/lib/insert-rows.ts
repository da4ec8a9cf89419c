import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** Rows per INSERT statement; keeps SQLite under its bound-parameter limit. */
const CHUNK = 100;

/**
 * Inserts rows in statements of CHUNK rows; with `conflict` (property names), a row whose key
 * exists has its other given columns overwritten, as `EntityManager.upsert` does. Unlike `insert`
 * and `upsert`, the rows are not read back: TypeORM would SELECT each inserted row's defaults again
 * on SQLite, and callers give every column they keep and read no generated id.
 *
 * The statement is written from the entity's metadata rather than through the query builder,
 * which names, checks and sets a parameter per value and then rescans the statement's text twice:
 * about a tenth of a persisted order's main-thread work (docs/benchmarks.md, "Persisted orders").
 * Each value still goes through the driver's own conversion (column transformers, booleans,
 * dates), so a row is stored exactly as `insert()` stores it, and a value left undefined takes the
 * column's default.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly QueryDeepPartialEntity<T>[],
  conflict?: readonly string[],
): Promise<void> {
  if (rows.length === 0) return;
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  const given = metadata.columns.filter((column) =>
    rows.some((row) => column.getEntityValue(row) !== undefined),
  );
  const quote = (column: ColumnMetadata) => driver.escape(column.databaseName);
  const table = metadata.tablePath
    .split('.')
    .map((part) => driver.escape(part))
    .join('.');
  const head = `INSERT INTO ${table} (${given.map(quote).join(', ')}) VALUES `;
  const keys = conflict && metadata.mapPropertyPathsToColumns([...conflict]);
  const tail = keys ? ` ${onConflict(keys, given, quote)}` : '';
  const sqlite = driver.options.type === 'sqlite' || driver.options.type === 'better-sqlite3';
  for (let start = 0; start < rows.length; start += CHUNK) {
    const parameters: unknown[] = [];
    const tuples = rows.slice(start, start + CHUNK).map((row) => {
      const values = given.map((column) => {
        const value = column.getEntityValue(row);
        if (value === undefined) return sqlite ? sqliteDefault(manager, column) : 'DEFAULT';
        parameters.push(driver.preparePersistentValue(value, column));
        return driver.createParameter(`p${parameters.length}`, parameters.length - 1);
      });
      return `(${values.join(', ')})`;
    });
    await manager.query(head + tuples.join(', ') + tail, parameters);
  }
}

function onConflict(
  keys: readonly ColumnMetadata[],
  given: readonly ColumnMetadata[],
  quote: (column: ColumnMetadata) => string,
): string {
  const target = `ON CONFLICT (${keys.map(quote).join(', ')})`;
  const overwrite = given.filter((column) => !keys.includes(column));
  if (overwrite.length === 0) return `${target} DO NOTHING`;
  const sets = overwrite.map((column) => `${quote(column)} = EXCLUDED.${quote(column)}`);
  return `${target} DO UPDATE SET ${sets.join(', ')}`;
}

/** SQLite has no DEFAULT inside VALUES; TypeORM writes the column's default (or NULL) instead. */
function sqliteDefault(manager: EntityManager, column: ColumnMetadata): string {
  if (column.default === undefined || column.default === null) return 'NULL';
  return manager.connection.driver.normalizeDefault(column) ?? 'NULL';
}
