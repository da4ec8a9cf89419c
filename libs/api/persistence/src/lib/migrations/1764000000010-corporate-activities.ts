import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { id, str, text, time } from './migration-columns';

/** Splits and dividends booked per account: with the fills, what the ledger is rebuilt from. */
export class CorporateActivities1764000000010 implements MigrationInterface {
  name = 'CorporateActivities1764000000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'corporate_activities',
        columns: [
          id(),
          str('account_id', 64),
          str('type', 16),
          str('symbol', 16),
          time('time'),
          { name: 'fills_before', type: 'integer' },
          text('activity'),
        ],
        indices: [new TableIndex({ columnNames: ['account_id', 'time'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('corporate_activities');
  }
}
