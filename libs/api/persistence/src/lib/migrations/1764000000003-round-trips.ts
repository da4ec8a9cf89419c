import { RoundTripTracker, type RoundTrip } from '@ptp/domain';
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { RoundTripEntity } from '../entities/round-trip.entity';
import { fillsInBookingOrder } from '../paper-trade-fills';
import { roundTripRow } from '../round-trip-rows';
import { decimal, serial, str, time } from './migration-columns';

/** Rows per INSERT statement; keeps SQLite under its bound-parameter limit. */
const CHUNK = 100;

/**
 * Closed round trips as the engine reports them, so metrics read them instead of replaying every
 * fill. Accounts that traded before this migration get theirs from their stored fills, replayed by
 * the same tracker the engine uses.
 */
export class RoundTrips1764000000003 implements MigrationInterface {
  name = 'RoundTrips1764000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'round_trips',
        columns: [
          serial(),
          str('account_id', 64),
          str('symbol', 16),
          time('entry_time'),
          time('exit_time'),
          decimal('quantity'),
          decimal('entry_price'),
          decimal('exit_price'),
          decimal('pnl'),
          decimal('commission'),
        ],
        indices: [new TableIndex({ columnNames: ['account_id', 'exit_time'] })],
      }),
    );
    const accounts: { id: string }[] = await queryRunner.manager
      .createQueryBuilder()
      .select('a.id', 'id')
      .from('accounts', 'a')
      .getRawMany();
    for (const { id } of accounts) {
      const rows = (await closedTrips(queryRunner, id)).map((trip) => roundTripRow(trip, id));
      for (let i = 0; i < rows.length; i += CHUNK) {
        await queryRunner.manager.insert(RoundTripEntity, rows.slice(i, i + CHUNK));
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('round_trips');
  }
}

/** The round trips an account's stored fills close, in the order the engine closed them. */
async function closedTrips(queryRunner: QueryRunner, accountId: string): Promise<RoundTrip[]> {
  const fills = await queryRunner.manager
    .createQueryBuilder()
    .select('t.id', 'id')
    .addSelect('t.order_id', 'orderId')
    .addSelect('t.symbol', 'symbol')
    .addSelect('t.side', 'side')
    .addSelect('t.quantity', 'quantity')
    .addSelect('t.price', 'price')
    .addSelect('t.commission', 'commission')
    .addSelect('t.executed_at', 'executedAt')
    .from('paper_trades', 't')
    .where('t.account_id = :accountId', { accountId })
    .getRawMany();
  const tracker = new RoundTripTracker();
  return fillsInBookingOrder(fills).flatMap((fill) => tracker.add(fill) ?? []);
}
