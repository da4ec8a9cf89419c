import { MINUTE_MS } from '@ptp/domain';
import { PaperTradeEntity, RoundTripEntity } from '../entities';
import { roundTripFromRow } from '../round-trip-rows';
import { RoundTrips1764000000003 } from './1764000000003-round-trips';
import { acrossMigration } from './migration-upgrade.testing';

const fill = (
  n: number,
  symbol: string,
  side: 'buy' | 'sell',
  quantity: string,
  price: string,
) => ({
  id: `a1-F${n}`,
  accountId: 'a1',
  orderId: `a1-O${n}`,
  sessionId: null,
  symbol,
  side,
  quantity,
  price,
  commission: n === 2 ? '0.5' : '0',
  realizedPnl: '0',
  executedAt: n * MINUTE_MS,
});

describe('the round-trips migration', () => {
  it('gives accounts that traded before it the round trips their stored fills close', async () => {
    await acrossMigration(
      RoundTrips1764000000003,
      async (before) => {
        // The table as it was then: today's entity has columns later migrations add.
        await before.query(
          'INSERT INTO accounts (id, name, starting_capital, is_default, created_at) VALUES (?, ?, ?, ?, ?)',
          ['a1', 'Before', '1000', 0, 0],
        );
        // Booking order is the fill counter, not the text order of the ids (F10 sorts before F9).
        await before
          .getRepository(PaperTradeEntity)
          .insert([
            fill(10, 'AAPL', 'buy', '1', '95'),
            fill(9, 'MSFT', 'sell', '1', '330'),
            fill(1, 'AAPL', 'buy', '2', '100'),
            fill(2, 'AAPL', 'sell', '1', '110'),
            fill(3, 'AAPL', 'sell', '1', '90'),
            fill(4, 'MSFT', 'buy', '1', '300'),
          ]);
      },
      async (after) => {
        const rows = await after.getRepository(RoundTripEntity).find({ order: { id: 'ASC' } });
        expect(rows.map(roundTripFromRow)).toEqual([
          {
            symbol: 'AAPL',
            entryTime: MINUTE_MS,
            exitTime: 3 * MINUTE_MS,
            quantity: 2,
            entryPrice: 100,
            exitPrice: 100,
            pnl: -0.5,
            commission: 0.5,
          },
          {
            symbol: 'MSFT',
            entryTime: 4 * MINUTE_MS,
            exitTime: 9 * MINUTE_MS,
            quantity: 1,
            entryPrice: 300,
            exitPrice: 330,
            pnl: 30,
            commission: 0,
          },
        ]);
        expect(rows.every((row) => row.accountId === 'a1')).toBe(true);
      },
    );
  });
});
