import { emptyOutput, type Fill, type Order } from '@ptp/domain';
import { orderEvents } from './order-events';

const order = (id: string, status: Order['status'], extra: Partial<Order> = {}): Order =>
  ({ id, symbol: 'SPY', status, createdAt: 1, updatedAt: 2, ...extra }) as Order;
const fill = (orderId: string, quantity: number, time: number): Fill => ({
  id: `F-${orderId}-${time}`,
  orderId,
  symbol: 'SPY',
  side: 'buy',
  quantity,
  price: 100,
  commission: 0,
  time,
});

describe('orderEvents', () => {
  const context = (previouslyOpen: string[] = [], replaced: string[] = []) => ({
    previouslyOpen: new Set(previouslyOpen),
    replaced: new Set(replaced),
    positionQuantity: () => '3',
  });

  it('announces a new order, then its fill with price, shares and the position it left', () => {
    const output = { ...emptyOutput(), orders: [order('O1', 'filled')], fills: [fill('O1', 3, 5)] };
    expect(orderEvents(output, context())).toEqual([
      { event: 'new', orderId: 'O1', time: 1 },
      {
        event: 'fill',
        orderId: 'O1',
        time: 5,
        fill: { id: 'F-O1-5', price: '100', quantity: '3', positionQuantity: '3' },
      },
    ]);
  });

  it('says partial_fill when the order still works, and no new for a known order', () => {
    const output = {
      ...emptyOutput(),
      orders: [order('O1', 'partially_filled')],
      fills: [fill('O1', 1, 5)],
    };
    expect(orderEvents(output, context(['O1'])).map((e) => e.event)).toEqual(['partial_fill']);
  });

  it('reports rejected, canceled, expired and replaced orders by how they closed', () => {
    const output = {
      ...emptyOutput(),
      orders: [
        order('R', 'rejected'),
        order('C', 'canceled'),
        order('E', 'expired'),
        order('P', 'canceled'),
      ],
    };
    expect(orderEvents(output, context(['C', 'E', 'P'], ['P'])).map((e) => e.event)).toEqual([
      'rejected',
      'canceled',
      'expired',
      'replaced',
    ]);
  });
});
