import type { MarketBarsResponse, StrategyIndicatorsResponse } from '@ptp/contracts';
import { createStrategy } from '@ptp/domain';
import request from 'supertest';
import { useTestApp } from './test-app';

describe('GET /api/strategies/:name/indicators (real HTTP, real SQLite file)', () => {
  const app = useTestApp({ SIMULATION_SPEED: '600' });
  const http = () => request(app().app.getHttpServer());

  async function minuteBars(): Promise<MarketBarsResponse> {
    return (await http().get('/api/market/bars?symbol=SPY').expect(200)).body.data;
  }

  it("returns the values the domain's strategy computes on the same bars, warm-up included", async () => {
    const { bars } = await minuteBars();
    expect(bars.length).toBeGreaterThan(60);
    // Completed minutes only, so both requests see the same bars while the market runs on.
    const from = bars[40].time;
    const to = bars[bars.length - 2].time;
    const res = await http()
      .get(`/api/strategies/mixed/indicators?symbol=spy&from=${from}&to=${to}&fast=5&slow=12`)
      .expect(200);
    const body = res.body.data as StrategyIndicatorsResponse;
    expect(body).toEqual(
      expect.objectContaining({ strategy: 'mixed', symbol: 'SPY', timespan: 'minute', from, to }),
    );
    expect(body.params).toEqual(expect.objectContaining({ fast: 5, slow: 12, rsiPeriod: 14 }));
    expect(body.warmUpBars).toBe(40);

    const strategy = createStrategy('mixed', { fast: 5, slow: 12 });
    const expected = bars
      .filter((bar) => bar.time <= to)
      .map((bar) => ({
        time: bar.time,
        indicators: strategy.onBar({ ...bar, symbol: 'SPY' }, { holding: false }).indicators,
      }))
      .filter((point) => point.time >= from);
    expect(body.points).toEqual(expected);
    expect(body.points.at(-1)?.indicators['smaFast']).toEqual(expect.any(Number));
  });

  it('uses the strategy defaults when no params are given', async () => {
    const res = await http().get('/api/strategies/rsi-mean-reversion/indicators?symbol=SPY');
    expect(res.status).toBe(200);
    expect(res.body.data.params).toEqual({ period: 14, oversold: 30, overbought: 70 });
  });

  it('answers bad input with 4xx and a machine-readable code', async () => {
    const code = async (path: string, status: number) =>
      (await http().get(path).expect(status)).body.error.code;
    expect(await code('/api/strategies/nope/indicators?symbol=SPY', 404)).toBe('UNKNOWN_STRATEGY');
    expect(await code('/api/strategies/mixed/indicators?symbol=SPY&fast=40&slow=10', 400)).toBe(
      'INVALID_STRATEGY_PARAMS',
    );
    const unknownParam = await http()
      .get('/api/strategies/mixed/indicators?symbol=SPY&speed=3')
      .expect(400);
    expect(unknownParam.body.error.details).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_PARAM', param: 'speed' }),
    ]);
    expect(await code('/api/strategies/mixed/indicators?symbol=SPY&fast=abc', 400)).toBe(
      'INVALID_STRATEGY_PARAMS',
    );
    expect(await code('/api/strategies/mixed/indicators', 400)).toBe('VALIDATION_FAILED');
    expect(await code('/api/strategies/mixed/indicators?symbol=SPY&timespan=week', 400)).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      await code('/api/strategies/mixed/indicators?symbol=SPY&from=2025-06-03&to=2025-06-02', 400),
    ).toBe('INVALID_RANGE');
    expect(
      await code('/api/strategies/mixed/indicators?symbol=SPY&from=2025-01-01&to=2025-03-01', 400),
    ).toBe('RANGE_TOO_LARGE');
    expect(await code('/api/strategies/mixed/indicators?symbol=ZZZZQ', 422)).toBe('UNKNOWN_SYMBOL');
  });
});
