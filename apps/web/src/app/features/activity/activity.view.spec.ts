import { chartData, order } from '../../testing/fixtures';
import { EMPTY_TICKET } from '../order-ticket/order-ticket.model';
import { openOrderRows, toOrderRequest, watchRows } from './activity.view';

describe('activity view mapping', () => {
  it('sends only the fields the order type uses', () => {
    expect(
      toOrderRequest({ ...EMPTY_TICKET, symbol: 'SPY', notional: 50, limitPrice: 1, trail: 2 }),
    ).toEqual({
      symbol: 'SPY',
      side: 'buy',
      type: 'market',
      timeInForce: 'day',
      notional: 50,
    });
    expect(
      toOrderRequest({
        ...EMPTY_TICKET,
        symbol: 'SPY',
        side: 'sell',
        type: 'trailing_stop',
        sizeMode: 'quantity',
        quantity: 2,
        notional: 9,
        trail: 1.5,
        timeInForce: 'gtc',
      }),
    ).toEqual({
      symbol: 'SPY',
      side: 'sell',
      type: 'trailing_stop',
      timeInForce: 'gtc',
      quantity: 2,
      trailPercent: 1.5,
    });
    expect(
      toOrderRequest({
        ...EMPTY_TICKET,
        symbol: 'SPY',
        notional: 50,
        takeProfit: 600,
        stopLoss: 500,
      }),
    ).toMatchObject({ takeProfit: 600, stopLoss: 500 });
  });

  it('describes open orders by size and trigger', () => {
    const [limit, notional] = openOrderRows([
      order({ id: '1', type: 'limit', quantity: '1.5', limitPrice: '190' }),
      order({
        id: '2',
        symbol: 'SPY',
        side: 'sell',
        type: 'trailing_stop',
        notional: '25',
        trailPercent: '2',
      }),
    ]);
    expect([limit.size, limit.trigger]).toEqual(['1.5 sh', 'lmt $190.00']);
    expect([notional.size, notional.trigger]).toEqual(['$25.00', 'trail 2%']);
  });

  it('derives watchlist change and sparkline from the price series, preferring the live quote', () => {
    const chart = chartData({
      prices: {
        AAPL: [
          { time: 1, close: 100 },
          { time: 2, close: 104 },
        ],
      },
    });
    const [aapl, msft] = watchRows(
      ['AAPL', 'MSFT'],
      [{ symbol: 'AAPL', price: 110, asOf: 3, source: 'simulated', ageSec: 200, stale: true }],
      chart,
    );
    expect(aapl).toEqual({
      symbol: 'AAPL',
      last: 110,
      change: 10,
      changePct: 10,
      history: [100, 104],
      stale: true,
    });
    expect(msft).toEqual({
      symbol: 'MSFT',
      last: null,
      change: null,
      changePct: null,
      history: [],
      stale: false,
    });
  });
});
