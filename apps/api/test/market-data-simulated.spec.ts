import type { MarketBarsResponse, MarketQuote, MarketStatusResponse } from '@ptp/contracts';
import request from 'supertest';
import { useTestApp } from './test-app';

describe('market data REST on the simulated market (real HTTP, real SQLite file)', () => {
  const app = useTestApp({ SIMULATION_SPEED: '600' });
  const http = () => request(app().app.getHttpServer());

  it('serves quotes of many symbols in one call, each with asOf, source and staleness', async () => {
    const res = await http().get('/api/market/quotes?symbols=aapl,MSFT').expect(200);
    const quotes = res.body.data as MarketQuote[];
    expect(quotes.map((q) => q.symbol)).toEqual(['AAPL', 'MSFT']);
    for (const quote of quotes) {
      expect(quote).toEqual(
        expect.objectContaining({
          source: 'simulated',
          stale: false,
          asOf: expect.any(Number),
          ageSec: expect.any(Number),
        }),
      );
      expect(quote.bid).toBeLessThan(quote.price);
      expect(quote.ask).toBeGreaterThan(quote.price);
    }
  });

  it('answers an unknown symbol with 422 UNKNOWN_SYMBOL naming it, and bad input with 400', async () => {
    const unknown = await http().get('/api/market/quotes?symbols=AAPL,ZZZZQ').expect(422);
    expect(unknown.body.error).toEqual(
      expect.objectContaining({ code: 'UNKNOWN_SYMBOL', details: { symbols: ['ZZZZQ'] } }),
    );
    const bars = await http().get('/api/market/bars?symbol=ZZZZQ').expect(422);
    expect(bars.body.error.code).toBe('UNKNOWN_SYMBOL');
    expect((await http().get('/api/market/quotes?symbols=AA$PL').expect(400)).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await http().get('/api/market/quotes').expect(400)).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
    await http().get('/api/market/bars?symbol=AAPL&timespan=week').expect(400);
    await http().get('/api/market/bars?symbol=AAPL&from=yesterday').expect(400);
    expect(
      (await http().get('/api/market/bars?symbol=AAPL&from=2025-06-03&to=2025-06-02').expect(400))
        .body.error.code,
    ).toBe('INVALID_RANGE');
  });

  it('serves the backfilled history as minute and hour bars', async () => {
    const minutes = (await http().get('/api/market/bars?symbol=SPY').expect(200)).body
      .data as MarketBarsResponse;
    expect(minutes.bars.length).toBeGreaterThanOrEqual(
      app().config.marketData.simulated.backfillBars,
    );
    expect(minutes).toEqual(
      expect.objectContaining({ symbol: 'SPY', timespan: 'minute', source: 'simulated' }),
    );
    const times = minutes.bars.map((b) => b.time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // A range of completed minutes only, so both answers cover the same bars while the market runs on.
    const range = `from=${minutes.bars[0].time}&to=${minutes.bars[minutes.bars.length - 1].time}`;
    const sameMinutes = (await http().get(`/api/market/bars?symbol=SPY&${range}`).expect(200)).body
      .data as MarketBarsResponse;
    const hours = (
      await http().get(`/api/market/bars?symbol=SPY&timespan=hour&${range}`).expect(200)
    ).body.data as MarketBarsResponse;
    expect(hours.bars.length).toBeLessThan(sameMinutes.bars.length);
    expect(hours.bars.reduce((v, b) => v + b.volume, 0)).toBe(
      sameMinutes.bars.reduce((v, b) => v + b.volume, 0),
    );
  });

  it('reports market status from the NYSE calendar with the provider and its state', async () => {
    const status = (await http().get('/api/market/status').expect(200)).body
      .data as MarketStatusResponse;
    expect(status).toEqual(
      expect.objectContaining({
        open: true,
        alwaysOpen: true,
        clockRate: 600,
        provider: 'simulated',
        providerState: 'ok',
      }),
    );
    expect(status.nextOpen).toBeGreaterThan(status.asOf);
    expect(status.nextClose).toBeGreaterThan(status.asOf);
  });

  it('shows the market-data provider state in /health', async () => {
    const res = await http().get('/health').expect(200);
    expect(res.body.data.details.market_data).toEqual(
      expect.objectContaining({
        status: 'up',
        state: 'ok',
        provider: 'simulated',
        ageSec: expect.any(Number),
      }),
    );
  });
});
