import type { OrderRequest } from './order-types';
import { validateOrderRequest, type OrderValidationCode } from './order-validation';

const market: OrderRequest = { symbol: 'AAPL', side: 'buy', type: 'market', quantity: 1 };

function codes(request: Partial<OrderRequest>): OrderValidationCode[] {
  const result = validateOrderRequest({ ...market, ...request } as OrderRequest);
  return result.ok ? [] : result.issues.map((i) => i.code);
}

describe('validateOrderRequest', () => {
  it('accepts a plain market order and defaults time in force to gtc', () => {
    const result = validateOrderRequest(market);
    expect(result).toEqual({ ok: true, request: { ...market, timeInForce: 'gtc' } });
  });

  it.each<[string, Partial<OrderRequest>, OrderValidationCode[]]>([
    ['lower-case symbol', { symbol: 'aapl' }, ['INVALID_SYMBOL']],
    ['unknown side', { side: 'short' as never }, ['INVALID_SIDE']],
    ['unknown type', { type: 'iceberg' as never }, ['INVALID_ORDER_TYPE']],
    ['unknown time in force', { timeInForce: 'fok' as never }, ['INVALID_TIME_IN_FORCE']],
    ['neither quantity nor notional', { quantity: undefined }, ['QUANTITY_OR_NOTIONAL']],
    ['both quantity and notional', { notional: 50 }, ['QUANTITY_OR_NOTIONAL']],
    ['seven decimals', { quantity: 0.1234567 }, ['INVALID_QUANTITY']],
    ['zero quantity', { quantity: 0 }, ['INVALID_QUANTITY']],
    ['negative notional', { quantity: undefined, notional: -5 }, ['INVALID_NOTIONAL']],
    ['limit without a price', { type: 'limit' }, ['MISSING_LIMIT_PRICE']],
    [
      'stop-limit without prices',
      { type: 'stop_limit' },
      ['MISSING_LIMIT_PRICE', 'MISSING_STOP_PRICE'],
    ],
    ['stop with a negative stop', { type: 'stop', stopPrice: -1 }, ['INVALID_PRICE']],
    ['market order with a limit price', { limitPrice: 10 }, ['FIELD_NOT_APPLICABLE']],
    [
      'trailing stop with both trails',
      { type: 'trailing_stop', trailPercent: 5, trailAmount: 1 },
      ['INVALID_TRAIL'],
    ],
    [
      'trailing stop of 100 %',
      { type: 'trailing_stop', side: 'sell', trailPercent: 100 },
      ['INVALID_TRAIL'],
    ],
    ['take-profit on a sell', { side: 'sell', takeProfit: 110 }, ['BRACKET_REQUIRES_BUY']],
    ['OCO on a market sell', { side: 'sell', stopLoss: 90 }, ['INVALID_OCO']],
    [
      'OCO of a notional',
      {
        side: 'sell',
        type: 'limit',
        limitPrice: 110,
        quantity: undefined,
        notional: 500,
        stopLoss: 90,
      },
      ['INVALID_OCO'],
    ],
    [
      'ioc OCO',
      { side: 'sell', type: 'limit', limitPrice: 110, stopLoss: 90, timeInForce: 'ioc' },
      ['INVALID_OCO'],
    ],
    [
      'OCO stop above its limit',
      { side: 'sell', type: 'limit', limitPrice: 110, stopLoss: 111 },
      ['INVALID_BRACKET'],
    ],
    ['stop-loss limit without a stop-loss', { stopLossLimit: 90 }, ['FIELD_NOT_APPLICABLE']],
    ['negative stop-loss limit', { stopLoss: 90, stopLossLimit: -1 }, ['INVALID_PRICE']],
    ['stop-loss above take-profit', { stopLoss: 110, takeProfit: 100 }, ['INVALID_BRACKET']],
    [
      'take-profit under the limit',
      { type: 'limit', limitPrice: 100, takeProfit: 99 },
      ['INVALID_BRACKET'],
    ],
  ])('rejects %s', (_name, request, expected) => {
    expect(codes(request)).toEqual(expected);
  });

  it('accepts six decimals, notional orders and a full bracket', () => {
    expect(codes({ quantity: 0.123456 })).toEqual([]);
    expect(codes({ quantity: undefined, notional: 50 })).toEqual([]);
    expect(
      codes({ type: 'limit', limitPrice: 100, stopLoss: 95, takeProfit: 110, timeInForce: 'day' }),
    ).toEqual([]);
    expect(codes({ type: 'trailing_stop', side: 'sell', trailAmount: 2.5 })).toEqual([]);
  });

  it('accepts a stop-limit stop-loss on a bracket and an OCO exit pair', () => {
    expect(codes({ stopLoss: 95, stopLossLimit: 94.5, takeProfit: 110 })).toEqual([]);
    expect(
      codes({ side: 'sell', type: 'limit', limitPrice: 110, stopLoss: 95, stopLossLimit: 94 }),
    ).toEqual([]);
  });

  it('names the field of each issue', () => {
    const result = validateOrderRequest({ ...market, type: 'limit' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]).toMatchObject({ code: 'MISSING_LIMIT_PRICE', field: 'limitPrice' });
  });
});
