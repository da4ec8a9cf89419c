import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { orderUuid } from '../order-uuid';
import { str } from './migration-columns';

/** Named as on OrderEntity, so the schema the migrations build is the one the entities describe. */
export const ORDER_UUID_INDEX = 'IDX_orders_uuid';

const BACKFILL_PAGE = 500;

/**
 * A UUID per order for clients that expect one (the Alpaca-compatible API), and the link between an
 * order and the one that replaced it (`PATCH /v2/orders/{id}`). Older orders get their UUID here.
 */
export class OrderUuids1764000000009 implements MigrationInterface {
  name = 'OrderUuids1764000000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('orders', [
      new TableColumn(str('uuid', 36, true)),
      new TableColumn(str('replaces', 64, true)),
      new TableColumn(str('replaced_by', 64, true)),
    ]);
    for (;;) {
      const rows = (await queryRunner.manager
        .createQueryBuilder()
        .select(['o.id AS id', 'o.account_id AS account_id'])
        .from('orders', 'o')
        .where('o.uuid IS NULL')
        .limit(BACKFILL_PAGE)
        .getRawMany()) as { id: string; account_id: string }[];
      if (rows.length === 0) break;
      for (const row of rows)
        await queryRunner.manager
          .createQueryBuilder()
          .update('orders')
          .set({ uuid: orderUuid(row.account_id, row.id) })
          .where('id = :id', { id: row.id })
          .execute();
    }
    await queryRunner.createIndex(
      'orders',
      new TableIndex({ name: ORDER_UUID_INDEX, columnNames: ['uuid'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('orders', ORDER_UUID_INDEX);
    await queryRunner.dropColumns('orders', ['replaced_by', 'replaces', 'uuid']);
  }
}
