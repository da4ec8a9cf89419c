import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/** Backtests run over REST: the request, the run's state and, once finished, the report (JSON text). */
export class BacktestRuns1764000000001 implements MigrationInterface {
  name = 'BacktestRuns1764000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'backtest_runs',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'account_id', type: 'varchar', length: '64' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'progress', type: 'double precision', default: 0 },
          { name: 'request', type: 'text' },
          { name: 'report', type: 'text', isNullable: true },
          { name: 'error', type: 'text', isNullable: true },
          { name: 'created_at', type: 'bigint' },
          { name: 'started_at', type: 'bigint', isNullable: true },
          { name: 'finished_at', type: 'bigint', isNullable: true },
        ],
        indices: [
          new TableIndex({ columnNames: ['created_at'] }),
          new TableIndex({ columnNames: ['status'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('backtest_runs');
  }
}
