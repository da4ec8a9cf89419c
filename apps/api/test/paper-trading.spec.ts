import request from 'supertest';
import { FAST_MARKET, waitFor } from './paper-trading.helpers';
import { startTestApp, type TestApp } from './test-app';

describe('paper-trading sessions (real HTTP, real SQLite file)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  /** An account of the `it`'s own: sessions that trade leave the default account as a fresh app has it. */
  const newAccount = async (name: string): Promise<string> =>
    (await http().post('/api/accounts').send({ name }).expect(201)).body.data.id;

  beforeAll(async () => {
    t = await startTestApp(FAST_MARKET);
  });

  afterAll(() => t.close());

  it('is idle at first and answers 409 to a stop', async () => {
    const status = await http().get('/paper-trading/status').expect(200);
    expect(status.body.data).toMatchObject({
      accountId: 'default',
      state: 'idle',
      strategy: null,
      cash: '500.00',
      equity: '500.00',
      openPositions: 0,
    });
    const stop = await http().post('/paper-trading/stop').send({}).expect(409);
    expect(stop.body).toMatchObject({ status: 'error', error: { code: 'SESSION_NOT_RUNNING' } });
  });

  it('starts with the config defaults, ticks, refuses a second start, and stops', async () => {
    const accountId = await newAccount('Ticking account');
    const start = await http()
      .post('/paper-trading/start')
      .send({
        accountId,
        strategy: 'ma-crossover',
        params: { fast: 3, slow: 8 },
        symbols: ['aapl', 'MSFT'],
        signalIntervalSec: 60,
      })
      .expect(200);
    expect(start.body.data).toMatchObject({
      state: 'running',
      strategy: 'ma-crossover',
      params: { fast: 3, slow: 8 },
      symbols: ['AAPL', 'MSFT'],
      signalIntervalSec: 60,
    });
    const again = await http()
      .post('/paper-trading/start')
      .send({ accountId, strategy: 'mixed' })
      .expect(409);
    expect(again.body.error.code).toBe('SESSION_ALREADY_RUNNING');
    const ticked = await waitFor(async () => {
      const res = await http().get('/paper-trading/status').query({ accountId }).expect(200);
      return res.body.data.tickCount >= 3 ? res.body.data : undefined;
    }, 'three ticks');
    expect(ticked.lastTickAt).toEqual(expect.any(String));
    expect(Date.parse(ticked.nextTickAt)).toBeGreaterThan(Date.parse(ticked.startedAt));
    expect(ticked.riskState).toMatchObject({ code: 'OK', entriesBlocked: false });
    const chart = await http().get('/api/chart-data').query({ accountId }).expect(200);
    expect(chart.body.data.equity.length).toBeGreaterThanOrEqual(3);
    expect(chart.body.data.prices['AAPL'].length).toBeGreaterThan(0);
    const stopped = await http().post('/paper-trading/stop').send({ accountId }).expect(200);
    expect(stopped.body.data).toMatchObject({ state: 'idle', sessionId: null });
  });

  it('takes the account from the query string as well as the body, and refuses two different ones', async () => {
    const accountId = await newAccount('Query account');
    const clash = await http()
      .post('/paper-trading/start')
      .query({ accountId })
      .send({ accountId: 'default' })
      .expect(400);
    expect(clash.body.error.code).toBe('ACCOUNT_ID_MISMATCH');
    await http()
      .post('/paper-trading/start')
      .query({ accountId })
      .send({ symbols: ['SPY'] })
      .expect(200);
    expect(
      (await http().get('/paper-trading/status').query({ accountId }).expect(200)).body.data.state,
    ).toBe('running');
    expect((await http().get('/paper-trading/status').expect(200)).body.data.state).toBe('idle');
    await http().post('/paper-trading/stop').query({ accountId }).send({}).expect(200);
    const reset = await http()
      .post('/api/portfolio/reset')
      .query({ accountId })
      .send({ confirm: true })
      .expect(200);
    expect(reset.body.data.id).toBe(accountId);
  });

  it('accepts config changes and new accounts while a session ticks on the same SQLite file', async () => {
    const accountId = await newAccount('Busy session');
    await http()
      .post('/paper-trading/start')
      .send({
        accountId,
        strategy: 'ma-crossover',
        params: { fast: 2, slow: 5 },
        symbols: ['SPY', 'QQQ'],
        signalIntervalSec: 1,
      })
      .expect(200);
    for (let i = 0; i < 15; i++) {
      await http()
        .patch('/api/config')
        .query({ accountId })
        .send({ risk: { maxOpenPositions: 3 + (i % 5) } })
        .expect(200);
      await http()
        .post('/api/accounts')
        .send({ name: `Busy ${i}` })
        .expect(201);
    }
    const status = (await http().get('/paper-trading/status').query({ accountId }).expect(200)).body
      .data;
    expect(status).toMatchObject({ state: 'running', lastError: null });
    await http().post('/paper-trading/stop').send({ accountId }).expect(200);
  });

  it('rejects bad start requests with a clear code and starts nothing', async () => {
    const cases: [unknown, number, string][] = [
      [{ strategy: 'moon-shot' }, 400, 'VALIDATION_FAILED'],
      [
        { strategy: 'ma-crossover', params: { fast: 30, slow: 10 } },
        400,
        'INVALID_STRATEGY_PARAMS',
      ],
      [{ strategy: 'ma-crossover', params: { fast: 'ten' } }, 400, 'INVALID_STRATEGY_PARAMS'],
      [{ symbols: ['not a symbol'] }, 400, 'VALIDATION_FAILED'],
      [{ symbols: [] }, 400, 'VALIDATION_FAILED'],
      [{ signalIntervalSec: 0 }, 400, 'VALIDATION_FAILED'],
      [{ signalIntervalSec: '60' }, 400, 'VALIDATION_FAILED'],
      [{ leverage: 10 }, 400, 'VALIDATION_FAILED'],
      [{ accountId: 'nobody' }, 404, 'ACCOUNT_NOT_FOUND'],
    ];
    for (const [body, status, code] of cases) {
      const res = await http()
        .post('/paper-trading/start')
        .send(body as object)
        .expect(status);
      expect(res.body.error.code).toBe(code);
    }
    expect((await http().get('/paper-trading/status').expect(200)).body.data.state).toBe('idle');
  });
});
