import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { str } from './migration-columns';

/** Which process ran a backtest (its INSTANCE_ID): with a job queue, any worker may have. */
export class BacktestRanBy1764000000008 implements MigrationInterface {
  name = 'BacktestRanBy1764000000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('backtest_runs', new TableColumn(str('ran_by', 64, true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('backtest_runs', 'ran_by');
  }
}
