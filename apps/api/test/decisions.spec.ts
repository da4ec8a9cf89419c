import { DecisionEntity } from '@ptp/api/persistence';
import type { Decision, DecisionsPage } from '@ptp/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './test-app';

const MINUTE = 60_000;
/** 2026-01-05 15:00 UTC (10:00 New York). */
const T0 = Date.UTC(2026, 0, 5, 15, 0);

function decision(minute: number, symbol: string, riskOutcome: string, accountId = 'default'): Omit<DecisionEntity, 'id'> {
  const approved = riskOutcome === 'approved';
  return {
    accountId,
    sessionId: 's1',
    time: T0 + minute * MINUTE,
    symbol,
    strategy: 'ma-crossover',
    action: riskOutcome === 'none' ? 'hold' : 'enter',
    reason: 'fast crossed above slow',
    indicators: JSON.stringify({ fast: 101.5, slow: 100.25, rsi: null }),
    riskOutcome,
    riskCode: riskOutcome === 'rejected' ? 'RISK_MAX_POSITION' : null,
    riskReason: riskOutcome === 'rejected' ? 'position 73.10 above limit 50.00' : null,
    orderId: approved ? `order-${minute}` : null,
  };
}

describe('GET /api/decisions, the audit trail (real HTTP, real SQLite file)', () => {
  let t: TestApp;
  const page = async (query: string): Promise<DecisionsPage> => (await request(t.app.getHttpServer()).get(`/api/decisions${query}`).expect(200)).body.data;

  beforeAll(async () => {
    t = await startTestApp();
    // Rows as the session ticks write them; this suite only reads.
    await t.app.get(DataSource).getRepository(DecisionEntity).insert([
      decision(0, 'AAPL', 'approved'),
      decision(1, 'AAPL', 'rejected'),
      decision(2, 'MSFT', 'none'),
      decision(3, 'MSFT', 'rejected'),
      decision(60 * 24, 'AAPL', 'approved'),
      decision(4, 'AAPL', 'approved', 'other-account'),
    ]);
  });

  afterAll(() => t?.close());

  it('answers every decision of the account newest first, with indicators, risk outcome and order id', async () => {
    const all = await page('');
    expect(all.total).toBe(5);
    expect(all.items.map((d) => d.time)).toEqual([
      new Date(T0 + 60 * 24 * MINUTE).toISOString(),
      new Date(T0 + 3 * MINUTE).toISOString(),
      new Date(T0 + 2 * MINUTE).toISOString(),
      new Date(T0 + MINUTE).toISOString(),
      new Date(T0).toISOString(),
    ]);
    const rejected = all.items[3];
    expect(rejected).toEqual<Decision>({
      id: expect.any(Number),
      accountId: 'default',
      sessionId: 's1',
      time: new Date(T0 + MINUTE).toISOString(),
      symbol: 'AAPL',
      strategy: 'ma-crossover',
      action: 'enter',
      reason: 'fast crossed above slow',
      indicators: { fast: 101.5, slow: 100.25, rsi: null },
      riskOutcome: 'rejected',
      riskCode: 'RISK_MAX_POSITION',
      riskReason: 'position 73.10 above limit 50.00',
      orderId: null,
    });
    expect(all.items[4].orderId).toBe('order-0');
  });

  it('filters by symbol, outcome and New York date range, and paginates', async () => {
    expect((await page('?symbol=msft')).items.map((d) => d.riskOutcome)).toEqual(['rejected', 'none']);
    expect((await page('?outcome=approved')).items.map((d) => d.orderId)).toEqual([`order-${60 * 24}`, 'order-0']);
    expect((await page('?from=2026-01-05&to=2026-01-05')).total).toBe(4);
    expect((await page('?from=2026-01-06')).total).toBe(1);
    const second = await page('?limit=2&offset=2');
    expect(second).toEqual(expect.objectContaining({ total: 5, limit: 2, offset: 2 }));
    expect(second.items.map((d) => d.time)).toEqual([new Date(T0 + 2 * MINUTE).toISOString(), new Date(T0 + MINUTE).toISOString()]);
  });

  it('rejects bad filters with 400 and unknown accounts with 404', async () => {
    const http = () => request(t.app.getHttpServer());
    expect((await http().get('/api/decisions?outcome=maybe').expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await http().get('/api/decisions?limit=0').expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await http().get('/api/decisions?limit=abc').expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await http().get('/api/decisions?from=yesterday').expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await http().get('/api/decisions?from=2026-01-06&to=2026-01-05').expect(400)).body.error.code).toBe('INVALID_RANGE');
    expect((await http().get('/api/decisions?verbose=1').expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await http().get('/api/decisions?accountId=other-account').expect(404)).body.error.code).toBe('ACCOUNT_NOT_FOUND');
  });
});
