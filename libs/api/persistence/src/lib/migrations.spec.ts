import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';
import { AccountEntity, OrderEntity, PaperTradeEntity, UserEntity } from './entities';
import { MIGRATIONS } from './migrations';
import { orderRow } from './migrations/order-rows.testing';
import { describePostgres, withScratchDatabase } from './scratch-database.testing';

const TABLES = [
  'accounts',
  'api_tokens',
  'audit_log',
  'backtest_runs',
  'backtest_uploads',
  'corporate_activities',
  'decisions',
  'engine_states',
  'equity_snapshots',
  'login_sessions',
  'orders',
  'paper_trades',
  'portfolio_config',
  'positions',
  'round_trips',
  'trading_sessions',
  'users',
];

/** One query runner, released: each unreleased runner holds a pooled PostgreSQL connection. */
async function existingTables(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const present: string[] = [];
    for (const table of TABLES) if (await runner.hasTable(table)) present.push(table);
    return present;
  } finally {
    await runner.release();
  }
}

async function exerciseSchema(dataSource: DataSource): Promise<void> {
  expect(await existingTables(dataSource)).toEqual(TABLES);
  await dataSource.getRepository(AccountEntity).insert({
    id: 'a1',
    name: 'Test',
    startingCapital: '500.123456789',
    isDefault: false,
    ownerUserId: null,
    createdAt: 1_764_000_000_123,
  });
  // One name per user.
  const users = dataSource.getRepository(UserEntity);
  const user = { name: 'ada', passwordHash: 'x', role: 'admin', createdAt: 1 };
  await users.insert({ ...user, id: 'u1' });
  await expect(users.insert({ ...user, id: 'u2' })).rejects.toThrow(/unique/i);
  await dataSource.getRepository(PaperTradeEntity).insert({
    id: 't1',
    accountId: 'a1',
    orderId: 'o1',
    sessionId: null,
    symbol: 'AAPL',
    side: 'buy',
    quantity: '0.123457',
    price: '190.1',
    commission: '0',
    realizedPnl: '0',
    executedAt: 1_764_000_000_456,
  });
  const account = await dataSource.getRepository(AccountEntity).findOneByOrFail({ id: 'a1' });
  expect(account.startingCapital).toBe('500.123456789');
  expect(account.createdAt).toBe(1_764_000_000_123);
  const trade = await dataSource.getRepository(PaperTradeEntity).findOneByOrFail({ id: 't1' });
  expect(trade.quantity).toBe('0.123457');
  expect(trade.executedAt).toBe(1_764_000_000_456);
  // Client order ids are unique per account, and orders without one are not limited.
  const orders = dataSource.getRepository(OrderEntity);
  await orders.insert([
    orderRow('o1', 'a1', 'retry-1'),
    orderRow('o2', 'a2', 'retry-1'),
    orderRow('o3', 'a1', null),
    orderRow('o4', 'a1', null),
  ]);
  await expect(orders.insert(orderRow('o5', 'a1', 'retry-1'))).rejects.toThrow(/unique/i);
  for (let undone = 0; undone < MIGRATIONS.length; undone++) await dataSource.undoLastMigration();
  expect(await existingTables(dataSource)).toEqual([]);
}

describe('migrations on SQLite', () => {
  it('create every table, keep decimals and times exact, and revert', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ptp-db-')), 'nested', 'test.sqlite');
    const dataSource = await new DataSource(
      buildDataSourceOptions({ type: 'sqlite', path }),
    ).initialize();
    try {
      const [{ journal_mode }] = await dataSource.query('PRAGMA journal_mode');
      expect(journal_mode).toBe('wal');
      // NORMAL (1): a commit survives a crash of the process without an fsync of its own.
      const [{ synchronous }] = await dataSource.query('PRAGMA synchronous');
      expect(synchronous).toBe(1);
      await exerciseSchema(dataSource);
    } finally {
      await dataSource.destroy();
    }
  });
});

describePostgres('migrations on PostgreSQL (set PTP_SKIP_POSTGRES=1 when no server runs)', () => {
  it('create every table, keep decimals and times exact, and revert', () =>
    withScratchDatabase('postgres', exerciseSchema));
});
