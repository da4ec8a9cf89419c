import request from 'supertest';
import { ORCL_2013_CSV, SMALL_SIMULATED_RUN } from './backtests.helpers';
import { useTestApp } from './test-app';

/** Made up, yet a valid ticker syntax: only the symbol universe can refuse it. */
const JUNK = 'ZQXWV';

describe('an unknown symbol answers 422 UNKNOWN_SYMBOL at every entry point and changes nothing (real HTTP)', () => {
  // A market slowed to a crawl, so nothing moves between the before and after pictures.
  const app = useTestApp({ SIMULATION_SPEED: '0.01' });
  const http = () => request(app().app.getHttpServer());

  /** Everything a refused request could have touched, as the API shows it. */
  const picture = async () => {
    const [session, config, orders, portfolio, backtests, chart, health] = await Promise.all([
      http().get('/paper-trading/status').expect(200),
      http().get('/api/config').expect(200),
      http().get('/api/orders').expect(200),
      http().get('/api/portfolio').expect(200),
      http().get('/api/backtests').expect(200),
      http().get('/api/chart-data').expect(200),
      http().get('/health').expect(200),
    ]);
    return {
      session: [session.body.data.state, session.body.data.symbols],
      config: config.body.data,
      orders: orders.body.data,
      cash: portfolio.body.data.cash,
      backtests: backtests.body.data,
      chart: chart.body.data,
      tracked: health.body.data.details.market_data.trackedSymbols,
    };
  };

  const expectRefused = (response: request.Response, symbols = [JUNK]) => {
    expect(response.status).toBe(422);
    expect(response.body.error).toEqual(
      expect.objectContaining({ code: 'UNKNOWN_SYMBOL', details: { symbols } }),
    );
  };

  it.each([
    [
      'POST /paper-trading/start',
      () =>
        http()
          .post('/paper-trading/start')
          .send({ symbols: ['AAPL', JUNK] }),
    ],
    [
      'POST /api/orders',
      () =>
        http().post('/api/orders').send({ symbol: JUNK, side: 'buy', type: 'market', quantity: 1 }),
    ],
    [
      'PATCH /api/config',
      () =>
        http()
          .patch('/api/config')
          .send({ watchlist: ['SPY', JUNK] }),
    ],
    [
      'GET /api/market/quotes',
      () =>
        http()
          .get('/api/market/quotes')
          .query({ symbols: `AAPL,${JUNK}` }),
    ],
    ['GET /api/market/bars', () => http().get('/api/market/bars').query({ symbol: JUNK })],
    [
      'POST /api/backtests',
      () =>
        http()
          .post('/api/backtests')
          .send({ ...SMALL_SIMULATED_RUN, symbols: ['SPY', JUNK] }),
    ],
  ])('%s', async (_entry, send) => {
    const before = await picture();
    expectRefused(await send());
    expect(await picture()).toEqual(before);
    expect(JSON.stringify(before.chart)).not.toContain(JUNK);
  });

  it('names every unknown symbol of a list, and tracks a real one that is looked up', async () => {
    expectRefused(
      await http()
        .post('/paper-trading/start')
        .send({ symbols: [JUNK, 'SPY', 'ZQXWW'] }),
      [JUNK, 'ZQXWW'],
    );
    const before = (await picture()).tracked;
    const quote = await http()
      .get('/api/market/quotes')
      .query({ symbols: 'NFLX,BRK.B' })
      .expect(200);
    expect(quote.body.data.map((q: { symbol: string }) => q.symbol)).toEqual(['NFLX', 'BRK.B']);
    expect((await picture()).tracked).toBe(before + 2);
  });

  it('lets a CSV backtest name its own data anything: nothing is looked up or tracked for it', async () => {
    const before = (await picture()).tracked;
    await http()
      .post('/api/backtests')
      .send({
        ...SMALL_SIMULATED_RUN,
        symbols: [JUNK],
        from: '2013-01-02',
        to: '2013-12-31',
        source: { type: 'csv', csv: ORCL_2013_CSV },
      })
      .expect(202);
    expect((await picture()).tracked).toBe(before);
  });
});
