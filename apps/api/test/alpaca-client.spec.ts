import { ValidationError, marketData, streaming, trading } from '@alpacahq/alpaca-trade-api';
import { orderUuid } from '@ptp/api/persistence';
import request from 'supertest';
import { login, useAuthApp } from './identity.helpers';
import { FAST_MARKET } from './paper-trading.helpers';

type TradeUpdate = { event: string; order: { id?: string }; price?: string; qty?: string };

/**
 * A bot's session through the official Alpaca client (`@alpacahq/alpaca-trade-api` 4.0.2) against
 * the running app on a loopback port, authenticated with an API token as the Alpaca key pair.
 */
describe('Alpaca compatibility: the official client runs a bot scenario', () => {
  const app = useAuthApp(FAST_MARKET);
  const http = () => request(app().app.getHttpServer());
  let accountId = '';
  let keyId = '';
  let secret = '';
  let basePath = '';
  const updates: TradeUpdate[] = [];
  let stream: streaming.TradingStream | undefined;

  const config = () => new trading.Configuration({ keyId, secret, basePath });
  const orders = () => new trading.OrdersApi(config());
  const positions = () => new trading.PositionsApi(config());
  const price = async (symbol: string): Promise<number> => {
    const stocks = new marketData.StockApi(
      new marketData.Configuration({ keyId, secret, basePath }),
    );
    return Number((await stocks.stockLatestTradeSingle({ symbol })).trade?.p);
  };
  const cents = (value: number) => value.toFixed(2);
  /** Resolves once the stream has delivered an update matching `match`. */
  const until = (match: (u: TradeUpdate) => boolean) =>
    new Promise<TradeUpdate>((resolve) => {
      const check = () => {
        const found = updates.find(match);
        if (found) resolve(found);
        else setTimeout(check, 20);
      };
      check();
    });

  beforeAll(async () => {
    const cookie = await login(app(), 'alice');
    accountId = (
      await http()
        .post('/api/accounts')
        .set('Cookie', cookie)
        .send({ name: 'alpaca bot', startingCapital: 10_000 })
        .expect(201)
    ).body.data.id;
    const token = (
      await http()
        .post('/api/tokens')
        .set('Cookie', cookie)
        .send({ name: 'bot', accountId })
        .expect(201)
    ).body.data;
    keyId = token.id;
    secret = token.token;
    const { port } = app().app.getHttpServer().address() as { port: number };
    basePath = `http://127.0.0.1:${port}`;
    stream = new streaming.TradingStream({
      credentials: { keyId, secret },
      url: `ws://127.0.0.1:${port}/stream`,
    });
    stream.onTradeUpdate((update) => updates.push(update as unknown as TradeUpdate));
    const listening = new Promise<void>((resolve) =>
      stream?.on(streaming.EVENT.SUBSCRIPTION, () => resolve()),
    );
    stream.subscribeTradeUpdates();
    stream.connect();
    await listening;
  }, 60_000);

  afterAll(() => stream?.disconnect());

  it('runs all 13 steps, and its fills are exactly those of GET /api/trades', async () => {
    // 1. account
    const account = await new trading.AccountsApi(config()).getAccount();
    expect(account).toMatchObject({ status: 'ACTIVE', currency: 'USD', cash: '10000.00' });
    expect(account.accountNumber).toBe(accountId);

    // 2. clock
    const clock = await new trading.ClockApi(config()).legacyClock();
    expect(clock.isOpen).toBe(true);
    const now = new Date(clock.timestamp as unknown as string);

    // 3. bars
    const stocks = new marketData.StockApi(
      new marketData.Configuration({ keyId, secret, basePath }),
    );
    const bars = await stocks.stockBarSingle({
      symbol: 'AAPL',
      timeframe: '1Min',
      start: new Date(now.getTime() - 60 * 60_000),
      end: now,
    });
    expect(bars.bars.length).toBeGreaterThan(0);
    expect(bars.symbol).toBe('AAPL');

    // 4. a notional market buy, 5. its fill on the trade-updates stream
    const buy = await orders().postOrder({
      postOrderRequest: {
        symbol: 'AAPL',
        notional: '500',
        side: 'buy',
        type: 'market',
        timeInForce: 'day',
      },
    });
    expect(buy).toMatchObject({ status: 'filled', notional: '500', symbol: 'AAPL' });
    const fill = await until((u) => u.event === 'fill' && u.order.id === buy.id);
    expect(fill).toMatchObject({ qty: buy.filledQty, price: buy.filledAvgPrice });

    // 6. a bracket order
    const msft = await price('MSFT');
    const bracket = await orders().postOrder({
      postOrderRequest: {
        symbol: 'MSFT',
        qty: (600 / msft).toFixed(3),
        side: 'buy',
        type: 'market',
        timeInForce: 'gtc',
        orderClass: 'bracket',
        takeProfit: { limitPrice: cents(msft * 1.2) },
        stopLoss: { stopPrice: cents(msft * 0.8) },
      },
    });
    expect(bracket).toMatchObject({ status: 'filled', orderClass: 'bracket' });
    expect(bracket.legs?.map((leg) => [leg.type, leg.side, leg.status]).sort()).toEqual([
      ['limit', 'sell', 'new'],
      ['stop', 'sell', 'new'],
    ]);

    // 7. replace a limit order
    const nvda = await price('NVDA');
    const limit = await orders().postOrder({
      postOrderRequest: {
        symbol: 'NVDA',
        qty: '1',
        side: 'buy',
        type: 'limit',
        limitPrice: cents(nvda * 0.5),
        timeInForce: 'gtc',
      },
    });
    expect(limit.status).toBe('new');
    const replacement = await orders().patchOrderByOrderId({
      orderId: limit.id as string,
      patchOrderRequest: { limitPrice: cents(nvda * 0.6) },
    });
    expect(replacement.replaces).toBe(limit.id);
    // A price is echoed as a decimal string without trailing zeros: "81.1" for a "81.10" sent.
    expect(Number(replacement.limitPrice)).toBe(Number(cents(nvda * 0.6)));
    const replaced = await orders().getOrderByOrderID({ orderId: limit.id as string });
    expect(replaced).toMatchObject({ status: 'replaced', replacedBy: replacement.id });
    await until((u) => u.event === 'replaced' && u.order.id === limit.id);

    // 8. cancel all
    const canceled = await orders().deleteAllOrders();
    expect(canceled.map((c) => c.status)).toEqual([200, 200, 200]);
    expect(canceled.map((c) => c.id).sort()).toEqual(
      [replacement.id, ...(bracket.legs ?? []).map((leg) => leg.id)].sort(),
    );
    expect(await orders().getAllOrders({ status: 'open' })).toEqual([]);

    // 9. positions
    const held = await positions().getAllOpenPositions();
    expect(held.map((p) => [p.symbol, p.qty, p.side]).sort()).toEqual([
      ['AAPL', buy.filledQty, 'long'],
      ['MSFT', bracket.filledQty, 'long'],
    ]);

    // 10. close a position
    const close = await positions().deleteOpenPosition({ symbolOrAssetId: 'AAPL' });
    expect(close).toMatchObject({
      side: 'sell',
      symbol: 'AAPL',
      status: 'filled',
      qty: buy.filledQty,
    });
    await expect(positions().getOpenPosition({ symbolOrAssetId: 'AAPL' })).rejects.toMatchObject({
      status: 404,
    });

    // 11. portfolio history
    const history = await new trading.PortfolioHistoryApi(config()).getAccountPortfolioHistory({
      period: '1D',
      timeframe: '1Min',
    });
    expect(history.equity?.length).toBeGreaterThan(0);
    expect(history.timestamp?.length).toBe(history.equity?.length);
    expect(history.profitLoss?.length).toBe(history.equity?.length);

    // 12. an order our risk rule rejects, in Alpaca's error shape
    const risky = orders().postOrder({
      postOrderRequest: {
        symbol: 'AMZN',
        notional: '5000',
        side: 'buy',
        type: 'market',
        timeInForce: 'day',
      },
    });
    await expect(risky).rejects.toBeInstanceOf(ValidationError);
    await expect(risky).rejects.toMatchObject({
      status: 422,
      code: 42210000,
      message: expect.stringMatching(/^RISK_MAX_POSITION: /),
    });

    // 13. idempotency through client_order_id
    const request13 = {
      symbol: 'SPY',
      qty: '0.1',
      side: 'buy' as const,
      type: 'market' as const,
      timeInForce: 'day' as const,
      clientOrderId: 'bot-run-1:spy',
    };
    const first = await orders().postOrder({ postOrderRequest: request13 });
    const retry = await orders().postOrder({ postOrderRequest: request13 });
    expect(retry.id).toBe(first.id);
    const found = await orders().getOrderByClientOrderId({ clientOrderId: 'bot-run-1:spy' });
    expect(found).toMatchObject({ id: first.id, status: 'filled' });
    await expect(
      orders().postOrder({ postOrderRequest: { ...request13, qty: '0.2' } }),
    ).rejects.toMatchObject({ status: 422 });

    // Cross-check: the fills the bot saw are exactly the platform's trades.
    await until((u) => u.event === 'fill' && u.order.id === first.id);
    const trades = (
      await http()
        .get('/api/trades')
        .set('Authorization', `Bearer ${secret}`)
        .query({ accountId, limit: 1000 })
        .expect(200)
    ).body.data.items as { orderId: string; price: string; quantity: string }[];
    const platform = trades
      .map((t) => [orderUuid(accountId, t.orderId), t.price, t.quantity].join(' '))
      .sort();
    const streamed = updates
      .filter((u) => u.event === 'fill' || u.event === 'partial_fill')
      .map((u) => [u.order.id, u.price, u.qty].join(' '))
      .sort();
    expect(streamed).toEqual(platform);
    // Read raw: the client's activity decoder picks its non-trade model and drops price/order_id.
    const activities = (
      await http()
        .get('/v2/account/activities/FILL')
        .set('APCA-API-KEY-ID', keyId)
        .set('APCA-API-SECRET-KEY', secret)
        .expect(200)
    ).body as { order_id: string; price: string; qty: string }[];
    expect(activities.map((a) => [a.order_id, a.price, a.qty].join(' ')).sort()).toEqual(platform);
    expect(trades).toHaveLength(4);
    stream?.disconnect();
  }, 120_000);
});
