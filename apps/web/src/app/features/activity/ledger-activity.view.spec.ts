import type { ActivityItem } from '@ptp/contracts';
import { ledgerActivityRow } from './ledger-activity.view';

const fill: ActivityItem = {
  id: 'f-1',
  accountId: 'default',
  type: 'fill',
  orderId: 'o-1',
  sessionId: null,
  time: '2026-01-05T15:31:00.000Z',
  symbol: 'AAPL',
  side: 'sell',
  quantity: '10',
  price: '100',
  commission: '1',
  realizedPnl: '0.00',
};

describe('ledger activity rows', () => {
  it('signs a fill’s cash: a sale brings in its proceeds less the fee', () => {
    expect(ledgerActivityRow(fill)).toMatchObject({
      kind: 'fill',
      label: 'SELL',
      shares: '10',
      terms: '@ $100.0000',
      cash: '+$999.00',
    });
    expect(ledgerActivityRow({ ...fill, side: 'buy', commission: '0' }).cash).toBe('-$1,000.00');
  });

  it('shows a paid dividend as cash in, and a reverse split as fewer shares with no cash', () => {
    const dividend = ledgerActivityRow({
      id: 'a-3',
      accountId: 'default',
      type: 'dividend',
      phase: 'paid',
      symbol: 'AAPL',
      time: '2026-02-10T14:30:00.000Z',
      exDate: '2026-02-03',
      payDate: '2026-02-10',
      cashAmount: '0.25',
      quantity: '20',
      amount: '5',
    });
    expect(dividend).toMatchObject({ label: 'DIVIDEND PAID', cash: '+$5.00' });
    const split = ledgerActivityRow({
      id: 'a-4',
      accountId: 'default',
      type: 'split',
      symbol: 'AAPL',
      time: '2026-02-11T14:30:00.000Z',
      date: '2026-02-11',
      splitFrom: '10',
      splitTo: '1',
      quantityBefore: '20',
      quantityAfter: '2',
    });
    expect(split).toMatchObject({
      label: 'SPLIT',
      shares: '20 → 2',
      terms: '1-for-10',
      cash: 'no cash',
    });
  });
});
