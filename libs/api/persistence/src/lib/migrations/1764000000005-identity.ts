import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { id, serial, str, text, time } from './migration-columns';

const OWNED_TABLES = ['accounts', 'backtest_runs'] as const;

/**
 * Users, their dashboard logins and API tokens, the audit log, and an owner on accounts and backtest
 * runs. Rows made before this (in local mode) keep a NULL owner: only admins manage them.
 */
export class Identity1764000000005 implements MigrationInterface {
  name = 'Identity1764000000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          id(),
          str('name', 64),
          str('password_hash', 255),
          str('role', 16),
          time('created_at'),
        ],
        indices: [new TableIndex({ columnNames: ['name'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'login_sessions',
        columns: [
          id(),
          str('user_id', 64),
          time('created_at'),
          time('expires_at'),
          str('ip', 64, true),
        ],
        indices: [new TableIndex({ columnNames: ['user_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'api_tokens',
        columns: [
          id(),
          str('user_id', 64),
          str('name', 100),
          str('account_id', 64, true),
          str('role', 16),
          str('token_hash', 64),
          time('created_at'),
          time('last_used_at', true),
        ],
        indices: [
          new TableIndex({ columnNames: ['user_id'] }),
          new TableIndex({ columnNames: ['token_hash'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          serial(),
          time('at'),
          str('user_name', 64),
          str('token_id', 64, true),
          str('action', 64),
          str('method', 8, true),
          str('path', 300, true),
          str('account_id', 64, true),
          { name: 'status', type: 'integer', isNullable: true },
          str('ip', 64, true),
          text('details', true),
        ],
        indices: [
          new TableIndex({ columnNames: ['at'] }),
          new TableIndex({ columnNames: ['user_name', 'at'] }),
        ],
      }),
    );
    for (const table of OWNED_TABLES) {
      await queryRunner.addColumn(table, new TableColumn(str('owner_user_id', 64, true)));
      await queryRunner.createIndex(table, new TableIndex({ columnNames: ['owner_user_id'] }));
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of OWNED_TABLES) {
      const index = (await queryRunner.getTable(table))?.indices.find(
        (candidate) => candidate.columnNames.join() === 'owner_user_id',
      );
      if (index) await queryRunner.dropIndex(table, index);
      await queryRunner.dropColumn(table, 'owner_user_id');
    }
    for (const table of ['audit_log', 'api_tokens', 'login_sessions', 'users'])
      await queryRunner.dropTable(table);
  }
}
