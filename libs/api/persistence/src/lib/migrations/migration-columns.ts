import type { TableColumnOptions } from 'typeorm';

/*
 * Column kinds of the migrations, written with TypeORM's schema builder rather than raw SQL so that
 * every migration runs on both SQLite and PostgreSQL. Money and quantities are varchar decimal
 * strings (SQLite's NUMERIC affinity would turn them into binary floats); times are bigint UTC epoch
 * milliseconds.
 */
export const id = (name = 'id'): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '64',
  isPrimary: true,
});
export const text = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});
export const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
export const decimal = (name: string, nullable = false): TableColumnOptions =>
  str(name, 40, nullable);
export const time = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'bigint',
  isNullable: nullable,
});
export const serial = (): TableColumnOptions => ({
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});
