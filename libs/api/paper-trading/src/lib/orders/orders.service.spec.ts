import { HttpStatus } from '@nestjs/common';
import { ApiError, RiskRejectionApiError } from '@ptp/api/shared';
import { uniqueSymbol, useDeskTestModule } from '../desk/trading-desks.testing';
import type { PlaceOrderDto } from './place-order.dto';

/** The ApiError a call was refused with (fails the test when it was not refused). */
async function refusalOf(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused with an ApiError, but it succeeded');
}

/**
 * OrdersService on the real module and SQLite, prices fed by hand through TradingDesks: how the
 * engine's answers become orders and ApiErrors (400 input, 404 unknown, 409 not cancellable, 422
 * unknown symbol or risk).
 */
describe('OrdersService (real module, SQLite, hand-fed prices)', () => {
  const { ctx, newAccount, setPrice } = useDeskTestModule('orders-test');

  /** A symbol whose newest price is `price` (fed later in market time than any simulated quote). */
  function pricedSymbol(price: number): string {
    const symbol = uniqueSymbol();
    setPrice(symbol, price);
    return symbol;
  }

  function dto(order: Omit<PlaceOrderDto, 'accountId'>, accountId: string): PlaceOrderDto {
    return { ...order, accountId } as PlaceOrderDto;
  }

  it('places a market buy that fills at the fed price and answers the stored order', async () => {
    const accountId = await newAccount();
    const symbol = pricedSymbol(200);

    const order = await ctx().orders.place(
      dto({ symbol, side: 'buy', type: 'market', quantity: 3 }, accountId),
    );

    expect(order).toEqual(
      expect.objectContaining({
        accountId,
        symbol,
        side: 'buy',
        type: 'market',
        source: 'manual',
        status: 'filled',
        quantity: '3',
        filledQuantity: '3',
        avgFillPrice: '200',
      }),
    );
    expect(await ctx().orders.get(order.id, accountId)).toEqual(order);
    expect((await ctx().desks.valuation(accountId)).cash).toBe('99400.00');
  });

  it('buys a notional amount as shares at the fed price', async () => {
    const accountId = await newAccount();
    const symbol = pricedSymbol(250);

    const order = await ctx().orders.place(
      dto({ symbol, side: 'buy', type: 'market', notional: 1000 }, accountId),
    );

    expect(order).toEqual(
      expect.objectContaining({
        status: 'filled',
        notional: '1000',
        filledQuantity: '4',
        avgFillPrice: '250',
      }),
    );
    const valuation = await ctx().desks.valuation(accountId);
    expect(valuation.cash).toBe('99000.00');
    expect(valuation.positions).toEqual([expect.objectContaining({ symbol, quantity: '4' })]);
  });

  it('answers 400 VALIDATION_FAILED for a malformed order (shape rules) without touching the account', async () => {
    const accountId = await newAccount();
    const symbol = pricedSymbol(10);

    const error = await refusalOf(
      ctx().orders.place(dto({ symbol, side: 'buy', type: 'limit', quantity: 1 }, accountId)),
    );

    expect(error.getStatus()).toBe(HttpStatus.BAD_REQUEST);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual(['limitPrice is required for limit']);
    expect(await ctx().orders.list(accountId)).toEqual([]);
  });

  it.each([
    ['a non-positive quantity', { type: 'market', quantity: 0 }, 'INVALID_QUANTITY'],
    ['a negative limit price', { type: 'limit', quantity: 1, limitPrice: -5 }, 'INVALID_PRICE'],
  ] as const)('answers 400 with the core code for %s (%s)', async (_what, order, code) => {
    const accountId = await newAccount();
    const symbol = pricedSymbol(10);

    const error = await refusalOf(
      ctx().orders.place(dto({ symbol, side: 'buy', ...order }, accountId)),
    );

    expect(error.getStatus()).toBe(HttpStatus.BAD_REQUEST);
    expect(error.code).toBe(code);
    expect(error).not.toBeInstanceOf(RiskRejectionApiError);
    expect(await ctx().orders.list(accountId)).toEqual([]);
    expect((await ctx().desks.valuation(accountId)).cash).toBe('100000.00');
  });

  it.each(['ZQXWV', 'lowercase'])(
    'answers 422 UNKNOWN_SYMBOL for %s, outside the symbol universe, before the core sees it, and records nothing',
    async (symbol) => {
      const accountId = await newAccount();

      const error = await refusalOf(
        ctx().orders.place(dto({ symbol, side: 'buy', type: 'market', quantity: 1 }, accountId)),
      );

      expect(error.getStatus()).toBe(HttpStatus.UNPROCESSABLE_ENTITY);
      expect(error.code).toBe('UNKNOWN_SYMBOL');
      expect(error.details).toEqual({ symbols: [symbol] });
      expect(await ctx().orders.list(accountId)).toEqual([]);
      expect((await ctx().desks.valuation(accountId)).cash).toBe('100000.00');
    },
  );

  it('answers 422 RISK_MAX_POSITION with limit and requested, records the rejected order, and leaves cash alone', async () => {
    const accountId = await newAccount();
    const symbol = pricedSymbol(100);

    const error = await refusalOf(
      ctx().orders.place(dto({ symbol, side: 'buy', type: 'market', quantity: 150 }, accountId)),
    );

    expect(error).toBeInstanceOf(RiskRejectionApiError);
    const rejection = error as RiskRejectionApiError;
    expect(rejection.getStatus()).toBe(HttpStatus.UNPROCESSABLE_ENTITY);
    expect(rejection.code).toBe('RISK_MAX_POSITION');
    expect(rejection.limit).toBe(10_000);
    expect(rejection.requested).toBe(15_000);
    const orders = await ctx().orders.list(accountId);
    expect(orders).toEqual([
      expect.objectContaining({ symbol, status: 'rejected', quantity: '150', filledQuantity: '0' }),
    ]);
    expect(rejection.details).toEqual(
      expect.objectContaining({ rule: 'RISK_MAX_POSITION', orderId: orders[0].id }),
    );
    expect(await ctx().orders.list(accountId, 'rejected')).toHaveLength(1);
    expect(await ctx().orders.list(accountId, 'open')).toEqual([]);
    expect((await ctx().desks.valuation(accountId)).cash).toBe('100000.00');
  });

  it('answers 422 NO_SHORT_POSITIONS for a sell of more than is held', async () => {
    const accountId = await newAccount();
    const symbol = pricedSymbol(30);
    await ctx().orders.place(dto({ symbol, side: 'buy', type: 'market', quantity: 2 }, accountId));

    const error = await refusalOf(
      ctx().orders.place(dto({ symbol, side: 'sell', type: 'market', quantity: 3 }, accountId)),
    );

    expect(error).toBeInstanceOf(RiskRejectionApiError);
    expect(error.getStatus()).toBe(HttpStatus.UNPROCESSABLE_ENTITY);
    expect(error.code).toBe('NO_SHORT_POSITIONS');
    expect((error as RiskRejectionApiError).limit).toBe(2);
    expect((error as RiskRejectionApiError).requested).toBe(3);
    const valuation = await ctx().desks.valuation(accountId);
    expect(valuation.cash).toBe('99940.00');
    expect(valuation.positions).toEqual([expect.objectContaining({ symbol, quantity: '2' })]);
  });

  it('answers 404 for an unknown order, for an order of another account and for an unknown account', async () => {
    const accountId = await newAccount();
    const otherId = await newAccount();
    const symbol = pricedSymbol(10);
    const order = await ctx().orders.place(
      dto({ symbol, side: 'buy', type: 'market', quantity: 1 }, accountId),
    );

    const unknownGet = await refusalOf(ctx().orders.get('no-such-order', accountId));
    const unknownCancel = await refusalOf(ctx().orders.cancel('no-such-order', accountId));
    const wrongAccount = await refusalOf(ctx().orders.get(order.id, otherId));
    const noAccount = await refusalOf(
      ctx().orders.place(
        dto({ symbol, side: 'buy', type: 'market', quantity: 1 }, 'no-such-account'),
      ),
    );

    for (const error of [unknownGet, unknownCancel, wrongAccount]) {
      expect(error.getStatus()).toBe(HttpStatus.NOT_FOUND);
      expect(error.code).toBe('ORDER_NOT_FOUND');
    }
    expect(noAccount.getStatus()).toBe(HttpStatus.NOT_FOUND);
    expect(noAccount.code).toBe('ACCOUNT_NOT_FOUND');
    expect((await ctx().orders.get(order.id, undefined)).id).toBe(order.id);
  });

  it('answers 409 ORDER_NOT_CANCELLABLE when canceling a filled order, and leaves it filled', async () => {
    const accountId = await newAccount();
    const symbol = pricedSymbol(40);
    const order = await ctx().orders.place(
      dto({ symbol, side: 'buy', type: 'market', quantity: 5 }, accountId),
    );
    expect(order.status).toBe('filled');

    const error = await refusalOf(ctx().orders.cancel(order.id, accountId));

    expect(error.getStatus()).toBe(HttpStatus.CONFLICT);
    expect(error.code).toBe('ORDER_NOT_CANCELLABLE');
    expect(error.details).toEqual({ id: order.id, status: 'filled' });
    expect((await ctx().orders.get(order.id, accountId)).status).toBe('filled');
    expect((await ctx().desks.valuation(accountId)).positions).toEqual([
      expect.objectContaining({ symbol, quantity: '5' }),
    ]);
  });

  it('cancels a resting limit order, then answers 409 for a second cancel', async () => {
    const accountId = await newAccount();
    const symbol = pricedSymbol(100);
    const order = await ctx().orders.place(
      dto({ symbol, side: 'buy', type: 'limit', quantity: 10, limitPrice: 90 }, accountId),
    );
    expect(order.status).toBe('accepted');
    expect(await ctx().orders.list(accountId, 'open')).toEqual([
      expect.objectContaining({ id: order.id }),
    ]);
    expect((await ctx().desks.valuation(accountId)).buyingPower).toBe('99100.00');

    const canceled = await ctx().orders.cancel(order.id, accountId);

    expect(canceled).toEqual(
      expect.objectContaining({ id: order.id, status: 'canceled', filledQuantity: '0' }),
    );
    expect(await ctx().orders.list(accountId, 'open')).toEqual([]);
    expect((await ctx().desks.valuation(accountId)).buyingPower).toBe('100000.00');
    const again = await refusalOf(ctx().orders.cancel(order.id, accountId));
    expect(again.getStatus()).toBe(HttpStatus.CONFLICT);
    expect(again.code).toBe('ORDER_NOT_CANCELLABLE');
    expect(again.details).toEqual({ id: order.id, status: 'canceled' });
  });

  it('lists orders newest first and filters them by status', async () => {
    const accountId = await newAccount();
    const symbol = pricedSymbol(100);
    const filled = await ctx().orders.place(
      dto({ symbol, side: 'buy', type: 'market', quantity: 1 }, accountId),
    );
    const resting = await ctx().orders.place(
      dto({ symbol, side: 'buy', type: 'limit', quantity: 1, limitPrice: 50 }, accountId),
    );

    expect((await ctx().orders.list(accountId)).map((o) => o.id)).toEqual([resting.id, filled.id]);
    expect((await ctx().orders.list(accountId, 'open')).map((o) => o.id)).toEqual([resting.id]);
    expect((await ctx().orders.list(accountId, 'filled')).map((o) => o.id)).toEqual([filled.id]);
    expect((await ctx().orders.list(accountId, 'all', 1)).map((o) => o.id)).toEqual([resting.id]);
  });
});
