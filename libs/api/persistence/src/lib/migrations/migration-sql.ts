import type { DataSource, ObjectLiteral, QueryRunner } from 'typeorm';

/**
 * Plain SQL for migrations that move rows: `:name` parameters become each driver's placeholders,
 * and `{table}` the table's name, in the configured PostgreSQL schema if any. A migration must not
 * go through today's entities, which describe the schema after every later migration.
 */
export function migrationSql<T = ObjectLiteral>(
  target: DataSource | QueryRunner,
  query: string,
  parameters: ObjectLiteral = {},
): Promise<T[]> {
  const driver = 'driver' in target ? target.driver : target.connection.driver;
  const table = (name: string): string =>
    driver.schema ? `${driver.escape(driver.schema)}.${driver.escape(name)}` : driver.escape(name);
  const qualified = query.replace(/\{([a-z_]+)\}/g, (_, name: string) => table(name));
  const [escaped, values] = driver.escapeQueryWithParameters(qualified, parameters, {});
  return target.query(escaped, values);
}
