import request from 'supertest';
import { FAST_MARKET } from './paper-trading.helpers';
import { startTestApp, type TestApp } from './test-app';

describe('GET /api/risk (real HTTP, real SQLite file)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const risk = async (query: object = {}) =>
    (await http().get('/api/risk').query(query).expect(200)).body.data;

  beforeAll(async () => {
    t = await startTestApp(FAST_MARKET);
  });

  afterAll(() => t.close());

  it('answers the configured limits and a quiet daily-loss state for a fresh account', async () => {
    const state = await risk();
    expect(state).toMatchObject({
      accountId: 'default',
      limits: t.config.risk,
      openPositions: 0,
      entriesBlocked: false,
      dailyLoss: { startEquity: '500.00', dayPnl: '0.00', limit: '25.00', breached: false },
    });
    expect(new Date(state.asOf).toISOString()).toBe(state.asOf);
  });

  it('counts the open positions the engine holds and follows a PATCH of the limits', async () => {
    const { body } = await http().post('/api/accounts').send({ name: 'Risk view' }).expect(201);
    const accountId = body.data.id as string;
    await http()
      .post('/api/orders')
      .send({ accountId, symbol: 'AAPL', side: 'buy', type: 'market', quantity: 0.1 })
      .expect(201);
    await http()
      .patch('/api/config')
      .query({ accountId })
      .send({ risk: { maxOpenPositions: 3, dailyLossLimitPct: 2 } })
      .expect(200);
    const state = await risk({ accountId });
    expect(state.openPositions).toBe(1);
    expect(state.limits).toMatchObject({ maxOpenPositions: 3, dailyLossLimitPct: 2 });
    expect(Number(state.dailyLoss.limit)).toBeCloseTo(Number(state.dailyLoss.startEquity) * 0.02, 2);
  });

  it('refuses a malformed account id with 400 and an unknown one with 404', async () => {
    const bad = await http().get('/api/risk').query({ accountId: 'no spaces!' }).expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const missing = await http().get('/api/risk').query({ accountId: 'nobody' }).expect(404);
    expect(missing.body.error.code).toBe('ACCOUNT_NOT_FOUND');
  });
});
