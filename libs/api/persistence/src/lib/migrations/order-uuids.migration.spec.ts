import type { DataSource } from 'typeorm';
import { OrderEntity } from '../entities';
import { orderUuid } from '../order-uuid';
import { OrderUuids1764000000009 } from './1764000000009-order-uuids';
import { migrationSql } from './migration-sql';
import { acrossMigration } from './migration-upgrade.testing';

const INSERT_ORDER =
  'INSERT INTO {orders} (id, account_id, source, symbol, side, type, time_in_force, status, ' +
  "filled_quantity, state, created_at, updated_at) VALUES (:id, :account, 'manual', 'AAPL', " +
  "'buy', 'market', 'gtc', 'filled', '1', '{}', 0, 0)";

async function seed(db: DataSource): Promise<void> {
  await migrationSql(db, INSERT_ORDER, { id: 'a1-O1', account: 'a1' });
  await migrationSql(db, INSERT_ORDER, { id: 'a2-O1', account: 'a2' });
}

async function check(db: DataSource): Promise<void> {
  const rows = await db.getRepository(OrderEntity).find({ order: { id: 'ASC' } });
  expect(rows.map((row) => [row.id, row.uuid, row.replaces, row.replacedBy])).toEqual([
    ['a1-O1', orderUuid('a1', 'a1-O1'), null, null],
    ['a2-O1', orderUuid('a2', 'a2-O1'), null, null],
  ]);
  await expect(db.getRepository(OrderEntity).insert({ ...rows[0], id: 'a1-O2' })).rejects.toThrow(
    /unique/i,
  );
}

describe('the order-uuids migration', () => {
  it('gives every existing order its UUID, unique, on SQLite', () =>
    acrossMigration(OrderUuids1764000000009, seed, check));

  (process.env['PTP_SKIP_POSTGRES'] === '1' ? it.skip : it)(
    'gives every existing order its UUID, unique, on PostgreSQL',
    () => acrossMigration(OrderUuids1764000000009, seed, check, 'postgres'),
  );

  it('derives a version-5 layout UUID from account and order id', () => {
    expect(orderUuid('a1', 'a1-O1')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(orderUuid('a1', 'a1-O1')).not.toBe(orderUuid('a2', 'a1-O1'));
  });
});
