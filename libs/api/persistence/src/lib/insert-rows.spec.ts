import type { DataSource } from 'typeorm';
import { AuditEntryEntity, EngineStateEntity, PositionEntity } from './entities';
import { insertRows } from './insert-rows';
import { describePostgres, withScratchDatabase } from './scratch-database.testing';

const position = (accountId: string, symbol: string, extra: Partial<PositionEntity> = {}) => ({
  accountId,
  symbol,
  quantity: '0.123457',
  avgCost: '190.100001',
  openedAt: 1_764_000_000_123,
  updatedAt: 1_764_000_000_456,
  ...extra,
});

async function positionsOf(dataSource: DataSource, accountId: string) {
  const rows = await dataSource
    .getRepository(PositionEntity)
    .find({ where: { accountId }, order: { symbol: 'ASC' } });
  return rows.map(({ accountId: _account, ...rest }) => rest);
}

async function exerciseInserts(dataSource: DataSource): Promise<void> {
  // Stored exactly as TypeORM's own insert stores them: decimals as text, epoch transformers, defaults.
  const given = [position('x', 'AAPL', { realizedPnl: '-12.5' }), position('x', 'SPY')];
  await dataSource.getRepository(PositionEntity).insert(given.map((row) => ({ ...row })));
  await insertRows(
    dataSource.manager,
    PositionEntity,
    given.map((row) => ({ ...row, accountId: 'y' })),
  );
  const stored = await positionsOf(dataSource, 'y');
  expect(stored).toEqual(await positionsOf(dataSource, 'x'));
  expect(stored.map((row) => row.realizedPnl)).toEqual(['-12.5', '0']);
  expect(stored[0].openedAt).toBe(1_764_000_000_123);

  // An upsert overwrites the columns its rows give and keeps the others; a new key is inserted.
  await insertRows(
    dataSource.manager,
    PositionEntity,
    [position('y', 'AAPL', { quantity: '3', updatedAt: 1_764_000_000_999 }), position('y', 'QQQ')],
    ['accountId', 'symbol'],
  );
  const upserted = await positionsOf(dataSource, 'y');
  expect(upserted.map((row) => [row.symbol, row.quantity, row.realizedPnl, row.updatedAt])).toEqual(
    [
      ['AAPL', '3', '-12.5', 1_764_000_000_999],
      ['QQQ', '0.123457', '0', 1_764_000_000_456],
      ['SPY', '0.123457', '0', 1_764_000_000_456],
    ],
  );
  await insertRows(dataSource.manager, EngineStateEntity, [
    { accountId: 'y', snapshot: '{"a":1}', updatedAt: 5 },
  ]);
  await insertRows(
    dataSource.manager,
    EngineStateEntity,
    [{ accountId: 'y', snapshot: '{"a":2}', updatedAt: 6 }],
    ['accountId'],
  );
  expect(await dataSource.getRepository(EngineStateEntity).find()).toEqual([
    { accountId: 'y', snapshot: '{"a":2}', updatedAt: 6 },
  ]);

  // More rows than one statement holds: every row is written, with generated ids, in order.
  const audit = Array.from({ length: 250 }, (_, i) => ({
    at: 1_764_000_000_000 + i,
    userName: 'local',
    action: `action-${i}`,
    status: i % 2 === 0 ? 200 : null,
  }));
  await insertRows(dataSource.manager, AuditEntryEntity, audit);
  const entries = await dataSource.getRepository(AuditEntryEntity).find({ order: { id: 'ASC' } });
  expect(entries.map((entry) => [entry.at, entry.action, entry.status, entry.tokenId])).toEqual(
    audit.map((row) => [row.at, row.action, row.status, null]),
  );
  expect(new Set(entries.map((entry) => entry.id)).size).toBe(250);

  // A refused statement is an error, not a silent partial write.
  await expect(
    insertRows(dataSource.manager, PositionEntity, [position('y', 'AAPL')]),
  ).rejects.toThrow(/unique|duplicate/i);
  expect(await positionsOf(dataSource, 'y')).toEqual(upserted);
}

describe('insertRows on a real SQLite file', () => {
  it('stores rows as insert() does, upserts, chunks and refuses duplicates', () =>
    withScratchDatabase('sqlite', exerciseInserts));
});

describePostgres('insertRows on PostgreSQL (set PTP_SKIP_POSTGRES=1 when no server runs)', () => {
  it('does the same in a schema of its own', () =>
    withScratchDatabase('postgres', exerciseInserts));
});
