import { createOrder } from './order-factory';
import { pendingNotional, recordOrderFill, remainingQuantity } from './order-fills';
import { canTransition, IllegalOrderTransitionError, transitionOrder } from './order-state';
import { isOpenOrder, OPEN_ORDER_STATUSES, type Order, type OrderStatus } from './order-types';

function order(amount: { quantity?: number; notional?: number } = { quantity: 10 }): Order {
  return createOrder(
    { symbol: 'AAPL', side: 'buy', type: 'market', ...amount, timeInForce: 'gtc' },
    { id: 'O1', time: 1000, source: 'manual', role: 'entry' },
  );
}

const STATUSES: OrderStatus[] = [
  'new',
  'accepted',
  'partially_filled',
  'filled',
  'canceled',
  'rejected',
  'expired',
];
const LEGAL = new Set([
  'new>accepted',
  'new>rejected',
  'accepted>partially_filled',
  'accepted>filled',
  'accepted>canceled',
  'accepted>rejected',
  'accepted>expired',
  'partially_filled>partially_filled',
  'partially_filled>filled',
  'partially_filled>canceled',
  'partially_filled>expired',
]);

describe('order state machine', () => {
  it.each(STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const)))(
    '%s → %s is legal only if listed',
    (from, to) => {
      expect(canTransition(from, to)).toBe(LEGAL.has(`${from}>${to}`));
    },
  );

  it('records every transition with its time and reason', () => {
    const o = order();
    transitionOrder(o, 'accepted', 'passed', 2000);
    transitionOrder(o, 'canceled', 'by user', 3000);
    expect(o.transitions).toEqual([
      { status: 'new', time: 1000, reason: 'created by manual' },
      { status: 'accepted', time: 2000, reason: 'passed' },
      { status: 'canceled', time: 3000, reason: 'by user' },
    ]);
    expect(o).toMatchObject({ status: 'canceled', reason: 'by user', updatedAt: 3000 });
  });

  it('throws on an illegal transition and leaves the order unchanged', () => {
    const o = order();
    expect(() => transitionOrder(o, 'filled', 'too early', 2000)).toThrow(
      IllegalOrderTransitionError,
    );
    expect(o.status).toBe('new');
    expect(o.transitions).toHaveLength(1);
  });

  it('fills partially, then completely, with a volume-weighted average price', () => {
    const o = order({ quantity: 10 });
    transitionOrder(o, 'accepted', 'ok', 1000);
    recordOrderFill(o, 4, 10, 2000);
    expect(o).toMatchObject({
      status: 'partially_filled',
      filledQuantity: 4,
      averageFillPrice: 10,
    });
    expect(remainingQuantity(o)).toBe(6);
    recordOrderFill(o, 6, 11, 3000);
    expect(o).toMatchObject({ status: 'filled', filledQuantity: 10, averageFillPrice: 10.6 });
  });

  it('fixes a notional order quantity at its fill', () => {
    const o = order({ notional: 500 });
    transitionOrder(o, 'accepted', 'ok', 1000);
    expect(remainingQuantity(o)).toBeNull();
    expect(pendingNotional(o)).toBe(500);
    recordOrderFill(o, 4.5, 111.11, 2000);
    expect(o).toMatchObject({ status: 'filled', quantity: 4.5 });
    expect(pendingNotional(o)).toBeNull();
    expect(pendingNotional(order({ quantity: 3 }))).toBeNull();
  });
});

describe('OPEN_ORDER_STATUSES', () => {
  it('lists exactly the statuses isOpenOrder accepts', () => {
    const all: OrderStatus[] = [
      'new',
      'accepted',
      'partially_filled',
      'filled',
      'canceled',
      'rejected',
      'expired',
    ];
    const open = all.filter((status) => isOpenOrder({ status }));
    expect(OPEN_ORDER_STATUSES).toEqual(open);
  });
});
