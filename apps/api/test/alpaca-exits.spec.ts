import request from 'supertest';
import { FAST_MARKET } from './paper-trading.helpers';
import { useTestApp } from './test-app';

interface AlpacaOrderJson {
  id: string;
  status: string;
  type: string;
  side: string;
  order_class: string;
  qty: string;
  limit_price: string | null;
  stop_price: string | null;
  extended_hours: boolean;
  legs: AlpacaOrderJson[] | null;
}

/** A price to the cent, written as the API writes prices back (no trailing zeros). */
const cents = (price: number) => String(Number(price.toFixed(2)));

describe('Alpaca exits over HTTP: OCO pairs, stop-limit stop-losses, extended hours', () => {
  const app = useTestApp(FAST_MARKET);
  const http = () => request(app().app.getHttpServer());
  const place = (accountId: string, body: object) =>
    http().post('/v2/orders').query({ accountId }).send(body);
  const order = async (accountId: string, id: string): Promise<AlpacaOrderJson> =>
    (await http().get(`/v2/orders/${id}`).query({ accountId }).expect(200)).body;
  const lastPrice = async (symbol: string): Promise<number> =>
    (await http().get(`/v2/stocks/${symbol}/trades/latest`).expect(200)).body.trade.p;

  /** A new account holding one SPY share, and the price it was bought near. */
  async function holding(name: string): Promise<{ accountId: string; price: number }> {
    const created = await http()
      .post('/api/accounts')
      .send({ name, startingCapital: 10_000 })
      .expect(201);
    const accountId = created.body.data.id as string;
    const buy = { symbol: 'SPY', qty: '1', side: 'buy', type: 'market', time_in_force: 'day' };
    const bought = await place(accountId, buy).expect(200);
    expect(bought.body.status).toBe('filled');
    return { accountId, price: await lastPrice('SPY') };
  }

  const oco = (takeProfit: number, stopLoss: { stop_price: string; limit_price?: string }) => ({
    symbol: 'SPY',
    qty: '1',
    side: 'sell',
    type: 'limit',
    time_in_force: 'gtc',
    order_class: 'oco',
    take_profit: { limit_price: cents(takeProfit) },
    stop_loss: stopLoss,
  });

  it('places an OCO pair shown with its stop leg; canceling it cancels both', async () => {
    const { accountId, price } = await holding('oco placed');
    const body = oco(price * 1.5, { stop_price: cents(price * 0.5) });
    const placed: AlpacaOrderJson = (await place(accountId, body).expect(200)).body;
    expect(placed).toMatchObject({
      status: 'new',
      type: 'limit',
      side: 'sell',
      order_class: 'oco',
      qty: '1',
      limit_price: body.take_profit.limit_price,
      legs: [
        {
          status: 'new',
          type: 'stop',
          side: 'sell',
          qty: '1',
          stop_price: body.stop_loss.stop_price,
          limit_price: null,
        },
      ],
    });
    const listed = await http().get('/v2/orders').query({ accountId, nested: true }).expect(200);
    expect(listed.body.map((o: AlpacaOrderJson) => [o.id, o.legs?.length])).toContainEqual([
      placed.id,
      1,
    ]);
    const leg = placed.legs?.[0].id as string;
    const patched = await http()
      .patch(`/v2/orders/${leg}`)
      .query({ accountId })
      .send({ stop_price: cents(price * 0.6) })
      .expect(422);
    expect(patched.body.message).toMatch(/^NOT_SUPPORTED: a leg of a bracket, OTO or OCO order/);
    await http().delete(`/v2/orders/${placed.id}`).query({ accountId }).expect(204);
    const after = await order(accountId, placed.id);
    expect([after.status, after.legs?.map((leg) => leg.status)]).toEqual([
      'canceled',
      ['canceled'],
    ]);
  });

  it('fills the take-profit leg and cancels the stop leg', async () => {
    const { accountId, price } = await holding('oco take-profit');
    // A take-profit under the market is marketable: it sells at once.
    const body = oco(price * 0.5, { stop_price: cents(price * 0.4) });
    const placed: AlpacaOrderJson = (await place(accountId, body).expect(200)).body;
    expect(placed.status).toBe('filled');
    expect(placed.legs?.map((leg) => leg.status)).toEqual(['canceled']);
    await http().get('/v2/positions/SPY').query({ accountId }).expect(404);
  });

  it('fills a stop-limit stop leg and cancels the take-profit leg', async () => {
    const { accountId, price } = await holding('oco stop-loss');
    // A stop over the market triggers at once; its limit under the market lets it sell.
    const stopLoss = { stop_price: cents(price * 1.5), limit_price: cents(price * 0.5) };
    const placed: AlpacaOrderJson = (await place(accountId, oco(price * 2, stopLoss)).expect(200))
      .body;
    expect(placed.status).toBe('canceled');
    expect(placed.legs).toEqual([
      expect.objectContaining({
        status: 'filled',
        type: 'stop_limit',
        stop_price: stopLoss.stop_price,
        limit_price: stopLoss.limit_price,
      }),
    ]);
    const trades = (await http().get('/api/trades').query({ accountId }).expect(200)).body.data;
    expect(trades.items.map((t: { side: string }) => t.side).sort()).toEqual(['buy', 'sell']);
  });

  it('refuses an OCO for shares not held, or one whose stop is above its limit, placing nothing', async () => {
    const { accountId, price } = await holding('oco refusals');
    const tooMany = { ...oco(price * 1.5, { stop_price: cents(price * 0.5) }), qty: '2' };
    const short = await place(accountId, tooMany).expect(422);
    expect(short.body.message).toMatch(/^NO_SHORT_POSITIONS: /);
    const inverted = await place(accountId, oco(price * 1.1, { stop_price: cents(price * 1.2) }));
    expect(inverted.status).toBe(422);
    expect(inverted.body.message).toMatch(/^INVALID_BRACKET: stopLoss must be below/);
    const open = await http().get('/v2/orders').query({ accountId, status: 'open' }).expect(200);
    expect(open.body).toEqual([]);
  });

  it('attaches a bracket’s stop-loss with a limit price as a stop_limit leg', async () => {
    const { accountId, price } = await holding('bracket stop-limit');
    const placed: AlpacaOrderJson = (
      await place(accountId, {
        symbol: 'SPY',
        qty: '0.5',
        side: 'buy',
        type: 'market',
        time_in_force: 'gtc',
        order_class: 'bracket',
        take_profit: { limit_price: cents(price * 1.5) },
        stop_loss: { stop_price: cents(price * 0.5), limit_price: cents(price * 0.45) },
      }).expect(200)
    ).body;
    expect(placed).toMatchObject({ status: 'filled', order_class: 'bracket' });
    expect(placed.legs?.map((leg) => [leg.type, leg.status, leg.limit_price])).toEqual([
      ['stop_limit', 'new', cents(price * 0.45)],
      ['limit', 'new', cents(price * 1.5)],
    ]);
    const mine = await http().get('/api/orders').query({ accountId }).expect(200);
    expect(mine.body.data).toContainEqual(
      expect.objectContaining({ id: expect.any(String), stopLossLimit: cents(price * 0.45) }),
    );
  });

  it('takes extended_hours on a day limit order, working it in the regular session', async () => {
    const { accountId, price } = await holding('extended hours');
    const limit = {
      symbol: 'SPY',
      qty: '1',
      side: 'buy',
      type: 'limit',
      limit_price: cents(price * 0.5),
      extended_hours: true,
    };
    const placed: AlpacaOrderJson = (await place(accountId, limit).expect(200)).body;
    expect(placed).toMatchObject({ status: 'new', extended_hours: false, type: 'limit' });
    const gtc = await place(accountId, { ...limit, time_in_force: 'gtc' }).expect(422);
    expect(gtc.body.message).toMatch(/^INVALID_ORDER: extended_hours orders must be day limit/);
  });
});
