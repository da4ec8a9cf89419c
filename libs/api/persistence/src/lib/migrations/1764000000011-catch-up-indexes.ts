import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * The whole-history metrics catch up on an account's rows past the last id they folded; without
 * these, that read walked every row of the account on the (account, time) indexes.
 */
const CATCH_UP_INDEXES = [
  { table: 'equity_snapshots', index: new TableIndex({ columnNames: ['account_id', 'id'] }) },
  { table: 'round_trips', index: new TableIndex({ columnNames: ['account_id', 'id'] }) },
];

export class CatchUpIndexes1764000000011 implements MigrationInterface {
  name = 'CatchUpIndexes1764000000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index } of CATCH_UP_INDEXES) await queryRunner.createIndex(table, index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index } of CATCH_UP_INDEXES) await queryRunner.dropIndex(table, index);
  }
}
