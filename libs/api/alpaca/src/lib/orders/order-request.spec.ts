import { ApiError } from '@ptp/api/shared';
import { mapOrderRequest, mapReplaceRequest } from './order-request';

const refusal = (body: unknown): string => {
  try {
    mapOrderRequest(body);
  } catch (error) {
    return `${(error as ApiError).code}: ${(error as ApiError).message}`;
  }
  return 'accepted';
};

describe('mapOrderRequest', () => {
  it('maps Alpaca’s fields, amounts as strings, onto our order request', () => {
    expect(
      mapOrderRequest({
        symbol: 'AAPL',
        qty: '1.5',
        side: 'buy',
        type: 'limit',
        limit_price: '180.25',
        time_in_force: 'gtc',
        client_order_id: 'c-1',
        order_class: 'bracket',
        take_profit: { limit_price: '200' },
        stop_loss: { stop_price: '170' },
      }),
    ).toEqual({
      symbol: 'AAPL',
      quantity: 1.5,
      side: 'buy',
      type: 'limit',
      limitPrice: 180.25,
      timeInForce: 'gtc',
      clientOrderId: 'c-1',
      takeProfit: 200,
      stopLoss: 170,
    });
    expect(
      mapOrderRequest({
        symbol: 'X',
        notional: 50,
        side: 'sell',
        type: 'trailing_stop',
        trail_price: '2',
      }),
    ).toMatchObject({ notional: 50, trailAmount: 2, timeInForce: 'day' });
    expect(
      mapOrderRequest({
        symbol: 'X',
        qty: '1',
        side: 'buy',
        type: 'market',
        order_class: 'oto',
        stop_loss: { stop_price: '9' },
      }),
    ).toMatchObject({ stopLoss: 9 });
  });

  it('maps a stop_loss limit price onto a stop-limit stop-loss', () => {
    const bracket = {
      symbol: 'X',
      qty: '1',
      side: 'buy',
      type: 'market',
      order_class: 'bracket',
      take_profit: { limit_price: '12' },
      stop_loss: { stop_price: '9', limit_price: '8.9' },
    };
    expect(mapOrderRequest(bracket)).toMatchObject({
      takeProfit: 12,
      stopLoss: 9,
      stopLossLimit: 8.9,
    });
  });

  it('maps an OCO onto a sell limit order at the take-profit price with a stop-loss', () => {
    const oco = {
      symbol: 'X',
      qty: '10',
      side: 'sell',
      type: 'limit',
      time_in_force: 'gtc',
      order_class: 'oco',
      take_profit: { limit_price: '325' },
      stop_loss: { stop_price: '250', limit_price: '249.5' },
    };
    expect(mapOrderRequest(oco)).toEqual({
      symbol: 'X',
      quantity: 10,
      side: 'sell',
      type: 'limit',
      limitPrice: 325,
      timeInForce: 'gtc',
      stopLoss: 250,
      stopLossLimit: 249.5,
    });
    expect(mapOrderRequest({ ...oco, limit_price: '325' })).toMatchObject({ limitPrice: 325 });
    expect(refusal({ ...oco, limit_price: '300' })).toMatch(/^INVALID_ORDER: the limit_price/);
    expect(refusal({ ...oco, type: 'market' })).toMatch(/^INVALID_ORDER: oco orders must be/);
    expect(refusal({ ...oco, side: 'buy' })).toMatch(/^NOT_SUPPORTED: oco orders exit a long/);
    expect(refusal({ ...oco, stop_loss: undefined })).toMatch(/oco orders need take_profit/);
  });

  it('accepts extended_hours on a day limit order only', () => {
    const limit = { symbol: 'X', qty: '1', side: 'buy', type: 'limit', limit_price: '10' };
    expect(refusal({ ...limit, extended_hours: true })).toBe('accepted');
    expect(refusal({ ...limit, extended_hours: false, time_in_force: 'gtc' })).toBe('accepted');
    expect(refusal({ ...limit, extended_hours: true, time_in_force: 'gtc' })).toMatch(
      /^INVALID_ORDER: extended_hours orders must be day limit orders/,
    );
    expect(refusal({ ...limit, extended_hours: 'yes' })).toMatch(/must be a boolean/);
  });

  it.each([
    [{ time_in_force: 'opg' }, /^NOT_SUPPORTED: time_in_force opg/],
    [{ extended_hours: true }, /^INVALID_ORDER: extended_hours orders must be day limit/],
    [{ legs: [] }, /^NOT_SUPPORTED: unsupported field\(s\): legs/],
    [{ qty: '-1' }, /^INVALID_ORDER: qty/],
    [{ order_class: 'bracket', stop_loss: { stop_price: '1' } }, /need take_profit and stop_loss/],
    [{ order_class: 'oto' }, /exactly one of take_profit and stop_loss/],
    [{ take_profit: { limit_price: '1' } }, /need order_class bracket, oco or oto/],
    [{ order_class: 'oto', stop_loss: { limit_price: '0.9' } }, /stop_loss.stop_price is required/],
  ])('refuses %j', (extra, message) => {
    expect(refusal({ symbol: 'X', qty: '1', side: 'buy', type: 'market', ...extra })).toMatch(
      message,
    );
  });

  it('refuses a body that is not an object', () => {
    expect(refusal([1])).toMatch(/^INVALID_ORDER: the request body must be a JSON object/);
  });
});

describe('mapReplaceRequest', () => {
  const current = {
    symbol: 'X',
    side: 'buy',
    type: 'limit',
    quantity: 2,
    limitPrice: 10,
    timeInForce: 'gtc',
  };

  it('keeps the working order’s fields and changes what the body names', () => {
    expect(mapReplaceRequest({ limit_price: '11', client_order_id: 'r-1' }, current)).toEqual({
      ...current,
      limitPrice: 11,
      clientOrderId: 'r-1',
    });
    expect(mapReplaceRequest({ qty: '3', time_in_force: 'day' }, current)).toMatchObject({
      quantity: 3,
      timeInForce: 'day',
    });
  });

  it('changes a trail in the order’s own unit, and refuses a qty on a notional order', () => {
    const trailing = { ...current, type: 'trailing_stop', limitPrice: undefined, trailPercent: 5 };
    expect(mapReplaceRequest({ trail: '3' }, trailing)).toMatchObject({ trailPercent: 3 });
    expect(() =>
      mapReplaceRequest({ qty: '1' }, { ...current, quantity: undefined, notional: 50 }),
    ).toThrow(/notional order cannot be replaced with a qty/);
  });
});
