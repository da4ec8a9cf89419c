import request from 'supertest';
import { startTestApp, type TestApp } from './test-app';

// Real time (speed 1), so no trading day ends between a buy and its sell.
describe('the opt-in pattern-day-trader rule (real HTTP, real SQLite file)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const order = (accountId: string, side: 'buy' | 'sell') =>
    http()
      .post('/api/orders')
      .send({ accountId, symbol: 'AAPL', side, type: 'market', quantity: 0.1 });
  const risk = async (accountId: string) =>
    (await http().get('/api/risk').query({ accountId }).expect(200)).body.data;

  beforeAll(async () => {
    t = await startTestApp({ SIMULATION_SPEED: '1' });
  });

  afterAll(() => t.close());

  /** Three day trades and a fourth buy; `patternDayTrader` set on a new account. */
  async function dayTrader(accountId: string, patternDayTrader?: boolean): Promise<string> {
    if (patternDayTrader !== undefined)
      await http()
        .patch('/api/config')
        .query({ accountId })
        .send({ risk: { patternDayTrader } })
        .expect(200);
    for (let i = 0; i < 3; i++) {
      await order(accountId, 'buy').expect(201);
      await order(accountId, 'sell').expect(201);
    }
    await order(accountId, 'buy').expect(201);
    return accountId;
  }

  it('is off by default and counts day trades in GET /api/risk and /v2/account', async () => {
    // The default account: in local mode, Alpaca's API trades it.
    const accountId = await dayTrader('default');
    expect(t.config.risk.patternDayTrader).toBe(false);
    await order(accountId, 'sell').expect(201);
    const state = await risk(accountId);
    expect(state.daytrade_count).toBe(4);
    expect(state.dayTradeWindow.to >= state.dayTradeWindow.from).toBe(true);
    const alpaca = await http().get('/v2/account').expect(200);
    expect(alpaca.body).toMatchObject({ daytrade_count: 4, pattern_day_trader: true });
  });

  it('refuses a fourth day trade under $25,000 with 422 RISK_PDT, the count and the window', async () => {
    const { body: created } = await http().post('/api/accounts').send({ name: 'protected' });
    const accountId = await dayTrader(created.data.id, true);
    expect((await risk(accountId)).daytrade_count).toBe(3);
    const refused = await order(accountId, 'sell').expect(422);
    const window = (await risk(accountId)).dayTradeWindow;
    expect(refused.body.error).toMatchObject({
      code: 'RISK_PDT',
      limit: 3,
      requested: 4,
      details: { window },
    });
    expect(refused.body.error.message).toContain('3 day trades in the last 5 business days');
    const { body } = await http().get('/api/portfolio').query({ accountId }).expect(200);
    expect(body.data.positions).toEqual([expect.objectContaining({ quantity: '0.1' })]);
    const status = await http().get('/paper-trading/status').query({ accountId }).expect(200);
    expect(status.body.data.riskState.dayTradeCount).toBe(3);
  });

  it('refuses a malformed patternDayTrader setting with 400 and keeps the old one', async () => {
    const bad = await http()
      .patch('/api/config')
      .send({ risk: { patternDayTrader: 'yes' } })
      .expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const { body } = await http().get('/api/config').expect(200);
    expect(body.data.risk.patternDayTrader).toBe(false);
  });
});
