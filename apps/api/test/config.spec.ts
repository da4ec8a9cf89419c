import { RuntimeConfigService, type RuntimeConfigChange } from '@ptp/api/runtime-config';
import type { RuntimeConfig } from '@ptp/contracts';
import request from 'supertest';
import { startTestApp, type TestApp } from './test-app';

describe('runtime config GET/PATCH /api/config (real HTTP, real SQLite file)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const current = async (query = ''): Promise<RuntimeConfig> =>
    (await http().get(`/api/config${query}`).expect(200)).body.data;
  /** A fresh account to PATCH, so the default account keeps the file config every `it` may read. */
  const newAccount = async (name: string): Promise<string> =>
    (await http().post('/api/accounts').send({ name }).expect(201)).body.data.id;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(() => t?.close());

  it('starts from the file config with every strategy param filled in', async () => {
    const config = await current();
    expect(config.accountId).toBe('default');
    expect(config.risk).toEqual(t.config.risk);
    expect(config.watchlist).toEqual(t.config.trading.watchlist);
    expect(config.fees).toEqual(t.config.trading.fees);
    expect(config.strategy).toBe(t.config.trading.defaultStrategy);
    expect(config.strategies['ma-crossover']).toEqual({ fast: 10, slow: 30 });
    expect(Object.keys(config.strategies).sort()).toEqual([
      'ma-crossover',
      'mixed',
      'momentum-breakout',
      'rsi-mean-reversion',
    ]);
    expect(config.updatedAt).toBeNull();
  });

  it('merges a patch key by key and answers the new effective config', async () => {
    const accountId = await newAccount('Merged patches');
    const res = await http()
      .patch('/api/config')
      .query({ accountId })
      .send({
        risk: { maxPositionPct: 20, defaultStopLossPct: 2 },
        strategies: { 'ma-crossover': { fast: 5 } },
        watchlist: ['spy', 'AAPL'],
        signalIntervalSec: 30,
      })
      .expect(200);
    const config = res.body.data as RuntimeConfig;
    expect(config.risk).toEqual({ ...t.config.risk, maxPositionPct: 20, defaultStopLossPct: 2 });
    expect(config.strategies['ma-crossover']).toEqual({ fast: 5, slow: 30 });
    expect(config.watchlist).toEqual(['SPY', 'AAPL']);
    expect(config.signalIntervalSec).toBe(30);
    expect(config.updatedAt).toEqual(expect.any(String));
    await http()
      .patch('/api/config')
      .query({ accountId })
      .send({
        strategies: { 'ma-crossover': { slow: 40 } },
        fees: { flat: 1 },
        risk: { defaultStopLossPct: null },
      })
      .expect(200);
    const after = await current(`?accountId=${accountId}`);
    expect(after.strategies['ma-crossover']).toEqual({ fast: 5, slow: 40 });
    expect(after.fees).toEqual({ ...t.config.trading.fees, flat: 1 });
    expect(after.risk).toEqual({ ...t.config.risk, maxPositionPct: 20 });
  });

  it('publishes each persisted change to running sessions, without a restart', async () => {
    const accountId = await newAccount('Published changes');
    const seen: RuntimeConfigChange[] = [];
    const subscription = t.app
      .get(RuntimeConfigService)
      .changes$.subscribe((change) => seen.push(change));
    await http()
      .patch('/api/config')
      .query({ accountId })
      .send({ risk: { maxOpenPositions: 3 } })
      .expect(200);
    await http()
      .patch('/api/config')
      .query({ accountId })
      .send({ risk: { maxOpenPositions: 'three' } })
      .expect(400);
    subscription.unsubscribe();
    expect(seen.map((change) => [change.accountId, change.config.risk.maxOpenPositions])).toEqual([
      [accountId, 3],
    ]);
    expect((await t.app.get(RuntimeConfigService).get(accountId)).risk.maxOpenPositions).toBe(3);
  });

  it.each([
    ['an unknown top-level key', { maxPositions: 3 }, 'VALIDATION_FAILED'],
    ['an unknown risk key', { risk: { maxLeverage: 2 } }, 'VALIDATION_FAILED'],
    ['a string for a number', { risk: { maxPositionPct: '20' } }, 'VALIDATION_FAILED'],
    ['null for a required limit', { risk: { maxOpenPositions: null } }, 'VALIDATION_FAILED'],
    ['a percentage above 100', { risk: { dailyLossLimitPct: 150 } }, 'VALIDATION_FAILED'],
    ['a fractional position count', { risk: { maxOpenPositions: 2.5 } }, 'VALIDATION_FAILED'],
    ['a negative fee', { fees: { percent: -1 } }, 'VALIDATION_FAILED'],
    ['an empty watchlist', { watchlist: [] }, 'VALIDATION_FAILED'],
    ['a bad ticker', { watchlist: ['AA$PL'] }, 'VALIDATION_FAILED'],
    ['a fractional signal interval', { signalIntervalSec: 0.5 }, 'VALIDATION_FAILED'],
    ['an unknown default strategy', { strategy: 'martingale' }, 'VALIDATION_FAILED'],
    ['params of an unknown strategy', { strategies: { martingale: { x: 1 } } }, 'UNKNOWN_STRATEGY'],
    [
      'an unknown strategy param',
      { strategies: { 'ma-crossover': { fastest: 3 } } },
      'INVALID_STRATEGY_PARAMS',
    ],
    [
      'params out of order',
      { strategies: { 'ma-crossover': { fast: 50 } } },
      'INVALID_STRATEGY_PARAMS',
    ],
    [
      'params that are not an object',
      { strategies: { 'ma-crossover': 5 } },
      'INVALID_STRATEGY_PARAMS',
    ],
  ])('rejects %s with 400 and changes nothing', async (_label, patch, code) => {
    const before = await current();
    const res = await http().patch('/api/config').send(patch).expect(400);
    expect(res.body).toEqual(
      expect.objectContaining({ status: 'error', error: expect.objectContaining({ code }) }),
    );
    expect(await current()).toEqual(before);
  });

  it('answers 404 for an unknown account and 400 for a malformed accountId', async () => {
    expect((await http().get('/api/config?accountId=nope').expect(404)).body.error.code).toBe(
      'ACCOUNT_NOT_FOUND',
    );
    expect(
      (await http().patch('/api/config?accountId=nope').send({ slippageBps: 1 }).expect(404)).body
        .error.code,
    ).toBe('ACCOUNT_NOT_FOUND');
    expect((await http().get('/api/config?accountId=a%20b').expect(400)).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('keeps each account apart', async () => {
    const account = (
      await http().post('/api/accounts').send({ name: 'Config side account' }).expect(201)
    ).body.data;
    await http().patch(`/api/config?accountId=${account.id}`).send({ slippageBps: 12 }).expect(200);
    expect((await current(`?accountId=${account.id}`)).slippageBps).toBe(12);
    expect((await current()).slippageBps).toBe(t.config.trading.slippageBps);
  });

  it('changes execution.* per account, null turning the volume cap off, and refuses bad values', async () => {
    const accountId = await newAccount('Execution settings');
    const patch = (execution: unknown) =>
      http().patch('/api/config').query({ accountId }).send({ execution });
    expect((await current(`?accountId=${accountId}`)).execution).toEqual({
      maxVolumePct: null,
      limitFillRule: 'touch',
    });
    await patch({ maxVolumePct: 2.5 }).expect(200);
    await patch({ limitFillRule: 'through' }).expect(200);
    expect((await current(`?accountId=${accountId}`)).execution).toEqual({
      maxVolumePct: 2.5,
      limitFillRule: 'through',
    });
    for (const bad of [{ maxVolumePct: 0 }, { maxVolumePct: 101 }, { limitFillRule: 'cross' }])
      expect((await patch(bad).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    await patch({ maxVolumePct: null }).expect(200);
    expect((await current(`?accountId=${accountId}`)).execution.maxVolumePct).toBeNull();
  });

  it('survives a restart on the same database file', async () => {
    // A patched account of its own, so the restart has persisted changes to keep.
    const accountId = await newAccount('Restarted config');
    await http()
      .patch('/api/config')
      .query({ accountId })
      .send({
        risk: { maxPositionPct: 15 },
        strategies: { 'ma-crossover': { fast: 4 } },
        signalIntervalSec: 90,
      })
      .expect(200);
    const before = await current();
    const patched = await current(`?accountId=${accountId}`);
    expect(patched).toMatchObject({ signalIntervalSec: 90, updatedAt: expect.any(String) });
    await t.close();
    t = await startTestApp({}, t.dataDir);
    expect(await current()).toEqual(before);
    expect(await current(`?accountId=${accountId}`)).toEqual(patched);
  });
});
