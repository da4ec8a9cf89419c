import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { str } from './migration-columns';

/** Named as on OrderEntity, so the schema the migrations build is the one the entities describe. */
export const ORDER_CLIENT_ID_INDEX = 'IDX_orders_account_client_order_id';

/**
 * A client's own id for an order and a hash of the order it asked for, so a retried request finds
 * the order it already placed. The unique index is the database's guarantee of one order per id and
 * account; orders without an id keep NULL, which both SQLite and PostgreSQL allow many times.
 */
export class ClientOrderIds1764000000004 implements MigrationInterface {
  name = 'ClientOrderIds1764000000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('orders', [
      new TableColumn(str('client_order_id', 128, true)),
      new TableColumn(str('request_hash', 64, true)),
    ]);
    await queryRunner.createIndex(
      'orders',
      new TableIndex({
        name: ORDER_CLIENT_ID_INDEX,
        columnNames: ['account_id', 'client_order_id'],
        isUnique: true,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('orders', ORDER_CLIENT_ID_INDEX);
    await queryRunner.dropColumns('orders', ['request_hash', 'client_order_id']);
  }
}
