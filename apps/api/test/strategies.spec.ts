import type { StrategyInfo } from '@ptp/contracts';
import { validateStrategyParams } from '@ptp/domain';
import request from 'supertest';
import { startTestApp, type TestApp } from './test-app';

describe('GET /api/strategies (real HTTP)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(() => t?.close());

  it('lists the four strategies with parameter schemas, rules and defaults a form can use', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/strategies').expect(200);
    expect(res.body.status).toBe('success');
    const strategies = res.body.data as StrategyInfo[];
    expect(strategies.map((s) => s.name)).toEqual(['ma-crossover', 'rsi-mean-reversion', 'momentum-breakout', 'mixed']);
    const ma = strategies[0];
    expect(ma.defaults).toEqual({ fast: 10, slow: 30 });
    expect(ma.orderings).toEqual([{ lesser: 'fast', greater: 'slow' }]);
    expect(strategies[1].defaults).toEqual({ period: 14, oversold: 30, overbought: 70 });
    for (const strategy of strategies) {
      expect(strategy.title.length).toBeGreaterThan(0);
      for (const param of strategy.params) {
        expect(['integer', 'number']).toContain(param.type);
        expect(param.min).toBeLessThanOrEqual(param.default);
        expect(param.default).toBeLessThanOrEqual(param.max);
        expect(strategy.defaults[param.key]).toBe(param.default);
      }
      expect(validateStrategyParams(strategy.name, strategy.defaults)).toEqual({ ok: true, params: strategy.defaults });
    }
  });
});
