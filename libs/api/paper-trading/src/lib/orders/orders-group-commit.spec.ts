import { HttpStatus } from '@nestjs/common';
import { ApiError, KeyedBatches } from '@ptp/api/shared';
import { LedgerWriter } from '../desk/ledger-writer.service';
import { uniqueSymbol, useDeskTestModule } from '../desk/trading-desks.testing';
import type { PlaceOrderDto } from './place-order.dto';

/**
 * Group commit on the real module and SQLite: manual orders that arrive while their account is busy
 * go through the engine together and are written in one transaction, each answered as committed.
 */
describe('OrdersService group commit (real module, SQLite, hand-fed prices)', () => {
  const { ctx, newAccount, setPrice } = useDeskTestModule('group-commit');
  let arrivals: jest.SpiedFunction<KeyedBatches<unknown, unknown, unknown>['add']>;

  beforeEach(() => {
    arrivals = jest.spyOn(KeyedBatches.prototype, 'add');
  });
  afterEach(() => jest.restoreAllMocks());

  /**
   * Keeps the account's queue busy while `submit` sends its orders, and lets it go once all of them
   * have joined the waiting batch: they are then handled in one turn.
   */
  async function whileBusy<T>(accountId: string, submit: () => Promise<T>[]): Promise<T[]> {
    let release!: () => void;
    let busy!: () => void;
    const started = new Promise<void>((resolve) => (busy = resolve));
    const held = ctx().desks.withDesk(accountId, () => {
      busy();
      return new Promise<void>((resolve) => (release = resolve));
    });
    await started;
    const before = arrivals.mock.calls.length;
    const answers = submit();
    const settled = Promise.allSettled(answers);
    while (
      arrivals.mock.calls.slice(before).filter(([key]) => key === accountId).length < answers.length
    )
      await new Promise((resolve) => setImmediate(resolve));
    release();
    await held;
    await settled;
    return Promise.all(answers);
  }

  function order(
    accountId: string,
    symbol: string,
    fields: Partial<PlaceOrderDto> = {},
  ): PlaceOrderDto {
    return {
      accountId,
      symbol,
      side: 'buy',
      type: 'market',
      quantity: 1,
      ...fields,
    } as PlaceOrderDto;
  }

  it('writes the orders that waited in one transaction and answers each as it was committed', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 100);
    const writes = jest.spyOn(ctx().module.get(LedgerWriter), 'write');

    const placed = await whileBusy(accountId, () =>
      [1, 2, 3, 4].map((quantity) => ctx().orders.place(order(accountId, symbol, { quantity }))),
    );

    expect(writes).toHaveBeenCalledTimes(1);
    const batch = writes.mock.calls[0][0];
    expect(batch.orders.map((row) => row.id).sort()).toEqual(placed.map((o) => o.id).sort());
    expect(batch.trades).toHaveLength(4);
    expect(placed.map((o) => [o.status, o.filledQuantity])).toEqual([
      ['filled', '1'],
      ['filled', '2'],
      ['filled', '3'],
      ['filled', '4'],
    ]);
    for (const answer of placed)
      expect(await ctx().orders.get(answer.id, accountId)).toEqual(answer);
    expect((await ctx().desks.valuation(accountId)).cash).toBe('99000.00');
  });

  it('treats a client order id repeated within a batch as a retry of its first use', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 50);
    const tagged = order(accountId, symbol, { clientOrderId: 'twice' });

    const [one, two, other] = await whileBusy(accountId, () => [
      ctx().orders.submit(tagged),
      ctx().orders.submit({ ...tagged }),
      ctx().orders.submit(order(accountId, symbol, { clientOrderId: 'once' })),
    ]);
    // The first use is whichever joined the batch first: on a loaded machine the two submissions'
    // lookups before the batch may finish in either order.
    const [first, retry] = one.created ? [one, two] : [two, one];
    expect(first.created).toBe(true);
    expect(retry).toEqual({ order: first.order, created: false });
    expect(other.created).toBe(true);

    const refused = await whileBusy(accountId, () => [
      ctx()
        .orders.submit({ ...tagged, quantity: 7 })
        .catch((error: unknown) => error),
    ]);
    expect(refused[0]).toBeInstanceOf(ApiError);
    expect((refused[0] as ApiError).getStatus()).toBe(HttpStatus.CONFLICT);
    expect((await ctx().orders.list(accountId)).map((o) => o.id).sort()).toEqual(
      [first.order.id, other.order.id].sort(),
    );
  });

  it('fails every order of a batch whose write fails, keeps none of them, and reloads the desk', async () => {
    const accountId = await newAccount();
    const symbol = uniqueSymbol();
    setPrice(symbol, 100);
    jest
      .spyOn(ctx().module.get(LedgerWriter), 'write')
      .mockRejectedValueOnce(new Error('disk full'));

    const outcomes = await whileBusy(accountId, () =>
      [1, 2].map((quantity) =>
        ctx()
          .orders.place(order(accountId, symbol, { quantity }))
          .then(
            () => 'placed',
            (error: Error) => error.message,
          ),
      ),
    );

    expect(outcomes).toEqual(['disk full', 'disk full']);
    expect(await ctx().orders.list(accountId)).toEqual([]);
    expect((await ctx().desks.valuation(accountId)).cash).toBe('100000.00');
    await ctx().orders.place(order(accountId, symbol, { quantity: 5 }));
    expect((await ctx().desks.valuation(accountId)).cash).toBe('99500.00');
  });
});
