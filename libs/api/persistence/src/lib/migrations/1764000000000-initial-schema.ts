import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { decimal, id, serial, str, text, time } from './migration-columns';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'accounts',
        columns: [
          id(),
          { ...str('name', 100), isUnique: true },
          decimal('starting_capital'),
          { name: 'is_default', type: 'boolean', default: false },
          time('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'portfolio_config',
        columns: [
          { ...str('account_id', 64), isPrimary: true },
          { ...str('key', 100), isPrimary: true },
          text('value'),
          time('updated_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'paper_trades',
        columns: [
          id(),
          str('account_id', 64),
          str('order_id', 64),
          str('session_id', 64, true),
          str('symbol', 16),
          str('side', 4),
          decimal('quantity'),
          decimal('price'),
          decimal('commission'),
          { ...decimal('realized_pnl'), default: "'0'" },
          time('executed_at'),
        ],
        indices: [
          new TableIndex({ columnNames: ['account_id', 'executed_at'] }),
          new TableIndex({ columnNames: ['account_id', 'symbol'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'positions',
        columns: [
          { ...str('account_id', 64), isPrimary: true },
          { ...str('symbol', 16), isPrimary: true },
          decimal('quantity'),
          decimal('avg_cost'),
          { ...decimal('realized_pnl'), default: "'0'" },
          time('opened_at'),
          time('updated_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'orders',
        columns: [
          id(),
          str('account_id', 64),
          str('session_id', 64, true),
          str('parent_id', 64, true),
          str('oco_group', 64, true),
          str('source', 16),
          str('symbol', 16),
          str('side', 4),
          str('type', 16),
          str('time_in_force', 8),
          decimal('quantity', true),
          decimal('notional', true),
          decimal('limit_price', true),
          decimal('stop_price', true),
          decimal('trail_percent', true),
          decimal('trail_amount', true),
          str('status', 20),
          { ...decimal('filled_quantity'), default: "'0'" },
          decimal('avg_fill_price', true),
          text('reason', true),
          text('state'),
          time('created_at'),
          time('updated_at'),
        ],
        indices: [new TableIndex({ columnNames: ['account_id', 'status'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'trading_sessions',
        columns: [
          id(),
          str('account_id', 64),
          str('strategy', 40),
          text('params'),
          text('symbols'),
          { name: 'signal_interval_sec', type: 'integer' },
          str('status', 16),
          time('started_at'),
          time('stopped_at', true),
          time('last_tick_at', true),
          { ...text('cursor'), default: "'{}'" },
        ],
        indices: [new TableIndex({ columnNames: ['account_id', 'status'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'equity_snapshots',
        columns: [
          serial(),
          str('account_id', 64),
          time('time'),
          decimal('equity'),
          decimal('cash'),
          decimal('positions_value'),
          decimal('benchmark', true),
        ],
        indices: [new TableIndex({ columnNames: ['account_id', 'time'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'decisions',
        columns: [
          serial(),
          str('account_id', 64),
          str('session_id', 64, true),
          time('time'),
          str('symbol', 16),
          str('strategy', 40),
          str('action', 16),
          text('reason', true),
          text('indicators'),
          str('risk_outcome', 16),
          str('risk_code', 40, true),
          text('risk_reason', true),
          str('order_id', 64, true),
        ],
        indices: [new TableIndex({ columnNames: ['account_id', 'time'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'decisions',
      'equity_snapshots',
      'trading_sessions',
      'orders',
      'positions',
      'paper_trades',
      'portfolio_config',
      'accounts',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
