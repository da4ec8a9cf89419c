import type { CorporateActivity, Fill } from '@ptp/domain';
import { corporateActivityRow, ledgerInBookingOrder } from './corporate-activity-rows';

const fill = (n: number): Fill => ({
  id: `acct-F${n}`,
  orderId: `acct-O${n}`,
  symbol: 'AAPL',
  side: 'buy',
  quantity: 1,
  price: 100,
  commission: 0,
  // Booking order is the counters', not the times': a fill stamped earlier may come later.
  time: 1_000 - n,
});

const split = (n: number): CorporateActivity => ({
  id: `acct-A${n}`,
  type: 'split',
  symbol: 'AAPL',
  time: 500,
  date: '2026-01-05',
  splitFrom: 1,
  splitTo: 2,
  quantityBefore: '1',
  quantityAfter: '2',
});

describe('ledgerInBookingOrder', () => {
  it('puts each activity after the fills booked before it, activities in their own order', () => {
    const fills = [1, 2, 3].map(fill);
    const rows = [
      corporateActivityRow(split(10), 'acct', 2),
      corporateActivityRow(split(2), 'acct', 0),
      corporateActivityRow(split(9), 'acct', 2),
      corporateActivityRow(split(11), 'acct', 3),
    ];
    expect(ledgerInBookingOrder(fills, rows).map((entry) => entry.id)).toEqual([
      'acct-A2',
      'acct-F1',
      'acct-F2',
      'acct-A9',
      'acct-A10',
      'acct-F3',
      'acct-A11',
    ]);
  });

  it('gives back the activity exactly as the engine booked it', () => {
    const activity = split(1);
    expect(ledgerInBookingOrder([], [corporateActivityRow(activity, 'acct', 0)])).toEqual([
      activity,
    ]);
  });
});
