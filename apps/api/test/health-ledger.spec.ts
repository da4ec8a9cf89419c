import { DEFAULT_ACCOUNT_ID, PaperTradeEntity, PositionEntity } from '@ptp/api/persistence';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { useTestApp } from './test-app';

const T0 = Date.UTC(2026, 0, 5, 15, 0);
let fillId = 0;

function fill(symbol: string, side: 'buy' | 'sell', quantity: string, minute: number) {
  fillId += 1;
  return {
    id: `fill-${fillId}`,
    accountId: DEFAULT_ACCOUNT_ID,
    orderId: `order-${fillId}`,
    sessionId: null,
    symbol,
    side,
    quantity,
    price: '10',
    commission: '0',
    realizedPnl: '0',
    executedAt: T0 + minute * 60_000,
  };
}

const position = (symbol: string, quantity: string) => ({
  accountId: DEFAULT_ACCOUNT_ID,
  symbol,
  quantity,
  avgCost: '10',
  realizedPnl: '0',
  openedAt: T0,
  updatedAt: T0,
});

/**
 * The ledger check of GET /health keeps its fold of each account's fills between calls and reads only
 * new fills: it must still see every new fill, a reset, and a fill written out of time order.
 */
describe('GET /health: the ledger check follows the fills written since the last call', () => {
  const app = useTestApp();
  const db = () => app().app.get(DataSource);
  const portfolio = async (status: number) =>
    (await request(app().app.getHttpServer()).get('/health').expect(status)).body;

  it('sees a new fill the positions table does not hold, then the repair', async () => {
    await db()
      .getRepository(PaperTradeEntity)
      .insert(fill('AAPL', 'buy', '2', 0));
    await db().getRepository(PositionEntity).insert(position('AAPL', '2'));
    expect((await portfolio(200)).data.details.portfolio).toMatchObject({ state: 'ok' });

    await db()
      .getRepository(PaperTradeEntity)
      .insert(fill('AAPL', 'buy', '1', 1));
    const broken = await portfolio(503);
    const report = broken.error.details.details.portfolio;
    expect(report.state).toBe('inconsistent');
    // The error envelope flattens nested details to JSON text.
    expect(JSON.stringify(report.failing)).toContain('AAPL: positions table 2 ≠ fills 3');

    await db().getRepository(PositionEntity).update({ symbol: 'AAPL' }, { quantity: '3' });
    expect((await portfolio(200)).data.details.portfolio).toMatchObject({ state: 'ok' });
  });

  it('starts over after a reset deletes the fills it had folded', async () => {
    await db().getRepository(PaperTradeEntity).delete({ accountId: DEFAULT_ACCOUNT_ID });
    await db().getRepository(PositionEntity).delete({ accountId: DEFAULT_ACCOUNT_ID });
    await db()
      .getRepository(PaperTradeEntity)
      .insert(fill('MSFT', 'buy', '1', 5));
    await db().getRepository(PositionEntity).insert(position('MSFT', '1'));
    expect((await portfolio(200)).data.details.portfolio).toMatchObject({ state: 'ok' });
  });

  it('counts a fill stamped before the newest one it had read', async () => {
    await db()
      .getRepository(PaperTradeEntity)
      .insert(fill('MSFT', 'buy', '1', 2));
    await db().getRepository(PositionEntity).update({ symbol: 'MSFT' }, { quantity: '2' });
    expect((await portfolio(200)).data.details.portfolio).toMatchObject({ state: 'ok' });
  });
});
