import request from 'supertest';
import { startTestApp, type TestApp } from './test-app';

describe('accounts and portfolio (real HTTP, real SQLite file)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startTestApp({ SIMULATION_SPEED: '600' });
  });

  afterAll(() => t.close());

  it('lists the default account and creates, resets and deletes named ones', async () => {
    const list = await http().get('/api/accounts').expect(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({
        id: 'default',
        isDefault: true,
        startingCapital: '500',
        cash: '500.00',
        sessionState: 'idle',
      }),
    ]);
    const created = await http()
      .post('/api/accounts')
      .send({ name: '  Momentum test ', startingCapital: 1000 })
      .expect(201);
    expect(created.body.data).toMatchObject({
      name: 'Momentum test',
      isDefault: false,
      startingCapital: '1000',
      equity: '1000.00',
    });
    const id = created.body.data.id as string;
    expect(
      (await http().post('/api/accounts').send({ name: 'Momentum test' }).expect(409)).body.error
        .code,
    ).toBe('ACCOUNT_NAME_TAKEN');

    await http()
      .post('/paper-trading/start')
      .send({ accountId: id, strategy: 'rsi-mean-reversion', symbols: ['SPY'] })
      .expect(200);
    const running = await http().get('/paper-trading/status').query({ accountId: id }).expect(200);
    expect(running.body.data).toMatchObject({
      accountId: id,
      state: 'running',
      strategy: 'rsi-mean-reversion',
    });
    expect((await http().get('/paper-trading/status').expect(200)).body.data.state).toBe('idle');
    expect(
      (await http().post(`/api/accounts/${id}/reset`).send({ confirm: true }).expect(409)).body
        .error.code,
    ).toBe('SESSION_RUNNING');
    await http().post('/paper-trading/stop').send({ accountId: id }).expect(200);

    expect(
      (await http().post(`/api/accounts/${id}/reset`).send({}).expect(400)).body.error.code,
    ).toBe('VALIDATION_FAILED');
    const reset = await http()
      .post(`/api/accounts/${id}/reset`)
      .send({ confirm: true })
      .expect(200);
    expect(reset.body.data).toMatchObject({ id, cash: '1000.00', sessionState: 'idle' });
    expect(
      (await http().get('/api/chart-data').query({ accountId: id }).expect(200)).body.data.equity,
    ).toEqual([]);

    expect((await http().delete('/api/accounts/default').expect(409)).body.error.code).toBe(
      'DEFAULT_ACCOUNT',
    );
    await http().delete(`/api/accounts/${id}`).expect(200);
    expect(
      (await http().get('/api/portfolio').query({ accountId: id }).expect(404)).body.error.code,
    ).toBe('ACCOUNT_NOT_FOUND');
    expect((await http().get('/api/accounts').expect(200)).body.data).toHaveLength(1);
  });

  it('reports the portfolio and resets it only with {"confirm": true}', async () => {
    const portfolio = await http().get('/api/portfolio').expect(200);
    expect(portfolio.body.data).toMatchObject({
      accountId: 'default',
      cash: '500.00',
      equity: '500.00',
      buyingPower: '500.00',
      totalPnl: '0.00',
      positions: [],
    });
    for (const body of [{}, { confirm: false }, { confirm: 'true' }, { confirm: true, extra: 1 }]) {
      expect(
        (await http().post('/api/portfolio/reset').send(body).expect(400)).body.error.code,
      ).toBe('VALIDATION_FAILED');
    }
    await http().post('/api/portfolio/reset').send({ confirm: true }).expect(200);
  });

  it('rejects bad account input without creating anything', async () => {
    const before = (await http().get('/api/accounts').expect(200)).body.data.map(
      (a: { id: string }) => a.id,
    );
    for (const body of [
      {},
      { name: '' },
      { name: 'x'.repeat(101) },
      { name: 'ok', startingCapital: -5 },
      { name: 'ok', startingCapital: 'lots' },
      { name: 'ok', admin: true },
    ]) {
      expect((await http().post('/api/accounts').send(body).expect(400)).body.error.code).toBe(
        'VALIDATION_FAILED',
      );
    }
    expect(
      (await http().post('/api/accounts/bad%20id/reset').send({ confirm: true }).expect(400)).body
        .error.code,
    ).toBe('VALIDATION_FAILED');
    expect(
      (await http().get('/api/accounts').expect(200)).body.data.map((a: { id: string }) => a.id),
    ).toEqual(before);
  });

  it('pages and filters trades, exports CSV, and computes metrics with their convention', async () => {
    const page = await http()
      .get('/api/trades')
      .query({ symbol: 'aapl', from: '2026-01-05', to: '2026-01-09', limit: 10 })
      .expect(200);
    expect(page.body.data).toEqual({ items: [], total: 0, limit: 10, offset: 0 });
    const csv = await http()
      .get('/api/trades.csv')
      .expect(200)
      .expect('content-type', /text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe(
      'id,time,symbol,side,quantity,price,commission,realized_pnl,order_id,session_id',
    );
    for (const query of [
      { limit: 0 },
      { limit: 'many' },
      { symbol: 'not valid' },
      { from: 'yesterday' },
      { offset: -1 },
    ]) {
      expect((await http().get('/api/trades').query(query).expect(400)).body.error.code).toBe(
        'VALIDATION_FAILED',
      );
    }
    expect(
      (await http().get('/api/trades').query({ from: '2026-02-01', to: '2026-01-01' }).expect(400))
        .body.error.code,
    ).toBe('INVALID_RANGE');
    const metrics = await http().get('/api/metrics').expect(200);
    expect(metrics.body.data).toMatchObject({
      accountId: 'default',
      tradeCount: 0,
      convention: expect.objectContaining({ periodsPerYear: 252 }),
    });
  });
});
