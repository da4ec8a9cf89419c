import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/** One engine snapshot per account, written with each tick's or order's fills. */
export class EngineStates1764000000002 implements MigrationInterface {
  name = 'EngineStates1764000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'engine_states',
        columns: [
          { name: 'account_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'snapshot', type: 'text' },
          { name: 'updated_at', type: 'bigint' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('engine_states');
  }
}
