import { OrderEntity } from '../entities';
import {
  ClientOrderIds1764000000004,
  ORDER_CLIENT_ID_INDEX,
} from './1764000000004-client-order-ids';
import { acrossMigration } from './migration-upgrade.testing';
import { orderRow } from './order-rows.testing';

const INSERT_ORDER =
  'INSERT INTO orders (id, account_id, source, symbol, side, type, time_in_force, status, ' +
  "filled_quantity, state, created_at, updated_at) VALUES (?, ?, 'manual', 'AAPL', 'buy', " +
  "'market', 'gtc', 'filled', '1', '{}', 0, 0)";

describe('the client-order-ids migration on SQLite', () => {
  it('adds nullable columns, keeps older orders with NULL, and allows one order per id and account', async () => {
    await acrossMigration(
      ClientOrderIds1764000000004,
      async (before) => {
        await before.query(INSERT_ORDER, ['old-O1', 'a1']);
      },
      async (after) => {
        const runner = after.createQueryRunner();
        const table = await runner.getTable('orders');
        await runner.release();
        expect(table?.findColumnByName('client_order_id')?.isNullable).toBe(true);
        expect(table?.findColumnByName('request_hash')?.isNullable).toBe(true);
        expect(table?.indices.find((index) => index.name === ORDER_CLIENT_ID_INDEX)).toMatchObject({
          isUnique: true,
          columnNames: ['account_id', 'client_order_id'],
        });
        const orders = after.getRepository(OrderEntity);
        expect(await orders.findOneByOrFail({ id: 'old-O1' })).toMatchObject({
          clientOrderId: null,
          requestHash: null,
        });
        await orders.insert([
          orderRow('a1-O1', 'a1', 'retry-1'),
          orderRow('a2-O1', 'a2', 'retry-1'),
          orderRow('a1-O2', 'a1', null),
          orderRow('a1-O3', 'a1', null),
        ]);
        await expect(orders.insert(orderRow('a1-O4', 'a1', 'retry-1'))).rejects.toThrow(/UNIQUE/i);
        expect(await orders.countBy({ accountId: 'a1' })).toBe(4);
      },
    );
  });
});
