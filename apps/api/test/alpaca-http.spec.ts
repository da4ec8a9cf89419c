import request from 'supertest';
import { WebSocket } from 'ws';
import { FAST_MARKET } from './paper-trading.helpers';
import { useTestApp } from './test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Alpaca-compatible API over HTTP (local mode: no keys needed)', () => {
  const app = useTestApp(FAST_MARKET);
  const http = () => request(app().app.getHttpServer());
  const newAccount = async (name: string, startingCapital = 10_000): Promise<string> =>
    (await http().post('/api/accounts').send({ name, startingCapital }).expect(201)).body.data.id;
  const place = (accountId: string, body: object) =>
    http().post('/v2/orders').query({ accountId }).send(body);

  it('answers the default account in raw Alpaca JSON, money as strings', async () => {
    const res = await http().get('/v2/account').expect(200);
    expect(res.body).toMatchObject({
      account_number: 'default',
      status: 'ACTIVE',
      currency: 'USD',
      pattern_day_trader: false,
      trading_blocked: false,
      daytrade_count: 0,
    });
    expect(res.body.id).toMatch(UUID);
    expect(res.body.cash).toMatch(/^\d+\.\d{2}$/);
    expect(res.body).not.toHaveProperty('data');
    expect(res.body).not.toHaveProperty('metadata');
  });

  it('refuses the unsupported with 422 and Alpaca’s error body, placing nothing', async () => {
    const accountId = await newAccount('refusals');
    const market = { symbol: 'SPY', qty: '1', side: 'buy', type: 'market' };
    const cases: [object, RegExp][] = [
      [{ ...market, time_in_force: 'fok' }, /^NOT_SUPPORTED: time_in_force fok/],
      [
        { ...market, type: 'limit', order_class: 'oco', take_profit: { limit_price: '9' } },
        /^INVALID_ORDER: oco orders need take_profit and stop_loss/,
      ],
      [
        { ...market, time_in_force: 'day', extended_hours: true },
        /^INVALID_ORDER: extended_hours orders must be day limit orders/,
      ],
      [{ ...market, time_in_force: 'day', commission: '1' }, /^NOT_SUPPORTED: unsupported field/],
      [{ ...market, qty: 'many', time_in_force: 'day' }, /^INVALID_ORDER: qty/],
      [{ ...market, type: 'limit', time_in_force: 'day' }, /^VALIDATION_FAILED: /],
      [
        {
          ...market,
          time_in_force: 'day',
          order_class: 'bracket',
          take_profit: { limit_price: '1' },
        },
        /^INVALID_ORDER: bracket orders need take_profit and stop_loss/,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await place(accountId, body).expect(422);
      expect(res.body).toEqual({ code: 42210000, message: expect.stringMatching(message) });
    }
    expect((await http().get('/v2/orders').query({ accountId, status: 'all' })).body).toEqual([]);
  });

  it('maps insufficient buying power to 403 and a risk rule to 422 naming it', async () => {
    const accountId = await newAccount('buying power', 1_000);
    const tooBig = {
      symbol: 'SPY',
      notional: '900',
      side: 'buy',
      type: 'market',
      time_in_force: 'day',
    };
    const risk = await place(accountId, tooBig).expect(422);
    expect(risk.body).toEqual({
      code: 42210000,
      message: expect.stringMatching(/^RISK_MAX_POSITION: /),
    });
    await http()
      .patch('/api/config')
      .query({ accountId })
      .send({ risk: { maxPositionPct: 100 } })
      .expect(200);
    // 600 of 1,000 in SPY: a 500 QQQ buy is within the position limit but not the cash.
    await place(accountId, { ...tooBig, notional: '600' }).expect(200);
    const cash = await place(accountId, { ...tooBig, symbol: 'QQQ', notional: '500' }).expect(403);
    expect(cash.body).toEqual({
      code: 40310000,
      message: expect.stringMatching(/^INSUFFICIENT_CASH: /),
    });
  });

  it('places, lists, finds and cancels (204) an order the dashboard sees', async () => {
    const accountId = await newAccount('orders');
    const quote = (await http().get('/v2/stocks/QQQ/quotes/latest').expect(200)).body;
    expect(quote).toMatchObject({
      symbol: 'QQQ',
      quote: { ap: expect.any(Number), bp: expect.any(Number) },
    });
    // In cents, as the answer echoes it: a decimal string without trailing zeros.
    const limit = String(Number((quote.quote.bp * 0.5).toFixed(2)));
    const placed = await place(accountId, {
      symbol: 'QQQ',
      qty: '0.5',
      side: 'buy',
      type: 'limit',
      limit_price: limit,
      time_in_force: 'gtc',
      client_order_id: 'dash-1',
    }).expect(200);
    expect(placed.body).toMatchObject({
      id: expect.stringMatching(UUID),
      client_order_id: 'dash-1',
      status: 'new',
      qty: '0.5',
      filled_qty: '0',
      limit_price: limit,
      order_class: 'simple',
      asset_class: 'us_equity',
    });
    const id = placed.body.id as string;
    const open = await http().get('/v2/orders').query({ accountId, symbols: 'QQQ' }).expect(200);
    expect(open.body.map((o: { id: string }) => o.id)).toEqual([id]);
    const byClient = await http()
      .get('/v2/orders:by_client_order_id')
      .query({ accountId, client_order_id: 'dash-1' })
      .expect(200);
    expect(byClient.body.id).toBe(id);
    const dashboard = await http().get('/api/orders').query({ accountId }).expect(200);
    expect(dashboard.body.data).toEqual([
      expect.objectContaining({ clientOrderId: 'dash-1', symbol: 'QQQ', status: 'accepted' }),
    ]);
    await http().delete(`/v2/orders/${id}`).query({ accountId }).expect(204);
    expect((await http().get(`/v2/orders/${id}`).query({ accountId })).body.status).toBe(
      'canceled',
    );
    const again = await http().delete(`/v2/orders/${id}`).query({ accountId }).expect(422);
    expect(again.body).toEqual({
      code: 42210000,
      message: expect.stringMatching(/^ORDER_NOT_CANCELLABLE: /),
    });
    const missing = await http().get('/v2/orders/00000000-0000-5000-8000-000000000000').expect(404);
    expect(missing.body).toEqual({
      code: 40410000,
      message: expect.stringMatching(/^ORDER_NOT_FOUND: /),
    });
  });

  it('serves the NYSE calendar, the clock, assets and bars in Alpaca’s shapes', async () => {
    const calendar = await http()
      .get('/v2/calendar')
      .query({ start: '2026-01-01', end: '2026-01-06' });
    expect(calendar.body.map((d: { date: string }) => d.date)).toEqual([
      '2026-01-02',
      '2026-01-05',
      '2026-01-06',
    ]);
    expect(calendar.body[0]).toMatchObject({
      open: '09:30',
      close: '16:00',
      settlement_date: '2026-01-05',
    });
    const clock = (await http().get('/v2/clock').expect(200)).body;
    expect(clock).toMatchObject({ is_open: expect.any(Boolean) });
    expect(clock.next_open).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[45]:00$/);
    expect((await http().get('/v2/assets/AAPL').expect(200)).body).toMatchObject({
      symbol: 'AAPL',
      class: 'us_equity',
      tradable: true,
      fractionable: true,
    });
    await http().get('/v2/assets/NOPEX').expect(404);
    const end = new Date(clock.timestamp).toISOString();
    const start = new Date(Date.parse(end) - 3 * 3_600_000).toISOString();
    const bars = await http()
      .get('/v2/stocks/bars')
      .query({ symbols: 'SPY,AAPL', timeframe: '15Min', start, end, limit: 3 })
      .expect(200);
    expect(Object.keys(bars.body.bars)).toEqual(['AAPL']);
    expect(bars.body.bars.AAPL).toHaveLength(3);
    for (const bar of bars.body.bars.AAPL) expect(Date.parse(bar.t) % (15 * 60_000)).toBe(0);
    const next = await http()
      .get('/v2/stocks/bars')
      .query({
        symbols: 'SPY,AAPL',
        timeframe: '15Min',
        start,
        end,
        limit: 3,
        page_token: bars.body.next_page_token,
      })
      .expect(200);
    expect(Date.parse(next.body.bars.AAPL[0].t)).toBeGreaterThan(
      Date.parse(bars.body.bars.AAPL[2].t),
    );
    await http().get('/v2/stocks/SPY/bars').query({ timeframe: '2Min' }).expect(422);
  });

  it('streams trade_updates after auth and listen, in binary JSON frames', async () => {
    const accountId = 'default';
    const { port } = app().app.getHttpServer().address() as { port: number };
    const ws = new WebSocket(`ws://127.0.0.1:${port}/stream`);
    const frames: { stream: string; data: Record<string, unknown> }[] = [];
    const binary: boolean[] = [];
    ws.on('message', (data, isBinary) => {
      binary.push(isBinary);
      frames.push(JSON.parse(String(data)));
    });
    await new Promise((resolve) => ws.once('open', resolve));
    const next = (stream: string) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const poll = () => {
          const found = frames.find((f) => f.stream === stream);
          if (found) resolve(found.data);
          else setTimeout(poll, 20);
        };
        poll();
      });
    ws.send(JSON.stringify({ action: 'auth', key: 'anything', secret: 'anything' }));
    expect(await next('authorization')).toMatchObject({ status: 'authorized' });
    ws.send(JSON.stringify({ action: 'listen', data: { streams: ['trade_updates'] } }));
    expect(await next('listening')).toEqual({ streams: ['trade_updates'] });
    const order = await place(accountId, {
      symbol: 'SPY',
      qty: '0.01',
      side: 'buy',
      type: 'market',
      time_in_force: 'day',
    }).expect(200);
    const update = await next('trade_updates');
    expect(update).toMatchObject({ event: 'new', order: { id: order.body.id } });
    ws.close();
    expect(binary.every(Boolean)).toBe(true);
  });
});
