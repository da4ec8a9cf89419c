import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { id, str, time } from './migration-columns';

/**
 * One fence row per account: the fencing token of the account's newest lease. Every write of the
 * account's owner checks it in its own transaction, so a former owner cannot write any more.
 */
export class AccountFences1764000000007 implements MigrationInterface {
  name = 'AccountFences1764000000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'account_fences',
        columns: [
          id('account_id'),
          { name: 'token', type: 'bigint' },
          str('owner_instance', 64),
          time('owner_since'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('account_fences');
  }
}
