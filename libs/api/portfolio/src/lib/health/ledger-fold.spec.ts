import { foldActivities, foldFills, foldMore, type FoldableFill } from './ledger-fold';

describe('foldFills', () => {
  it('charges buys and commissions, credits sells and nets quantities exactly', () => {
    const folded = foldFills('500', [
      { symbol: 'AAPL', side: 'buy', quantity: '0.1', price: '183.33', commission: '0.01' },
      { symbol: 'AAPL', side: 'buy', quantity: '0.2', price: '180', commission: '0' },
      { symbol: 'MSFT', side: 'buy', quantity: '0.05', price: '400', commission: '0' },
      { symbol: 'AAPL', side: 'sell', quantity: '0.3', price: '190.1', commission: '0.02' },
    ]);
    // 500 − 18.333 − 0.01 − 36 − 20 + 57.03 − 0.02
    expect(folded.cash.toString()).toBe('482.667');
    expect([...folded.quantities.entries()].map(([s, q]) => [s, q.toString()])).toEqual([
      ['MSFT', '0.05'],
    ]);
  });

  it('gives the same ledger when the fills come in several batches, in any order', () => {
    const fills: FoldableFill[] = [
      { symbol: 'AAPL', side: 'buy', quantity: '2', price: '100.5', commission: '0.1' },
      { symbol: 'MSFT', side: 'buy', quantity: '1', price: '400', commission: '0' },
      { symbol: 'AAPL', side: 'sell', quantity: '2', price: '101', commission: '0.1' },
    ];
    const whole = foldFills('1000', fills);
    const batched = foldMore(foldFills('1000', [fills[2]]), [fills[1], fills[0]]);
    expect(batched.cash.toString()).toBe(whole.cash.toString());
    expect([...batched.quantities]).toEqual([...whole.quantities]);
    expect([...whole.quantities.keys()]).toEqual(['MSFT']);
  });
});

describe('foldActivities', () => {
  it('adds the shares a split added and the cash of a paid dividend, not of an accrual', () => {
    const fills: FoldableFill[] = [
      { symbol: 'AAPL', side: 'buy', quantity: '10', price: '100', commission: '0' },
      { symbol: 'AAPL', side: 'sell', quantity: '5', price: '50', commission: '0' },
    ];
    const dividend = {
      id: 'A1',
      type: 'dividend',
      symbol: 'AAPL',
      time: 1,
      exDate: '2026-01-05',
      payDate: '2026-01-07',
      cashAmount: 0.25,
      quantity: '10',
      amount: '2.5',
    } as const;
    const folded = foldActivities(foldFills('1000', fills), [
      { ...dividend, phase: 'accrued' },
      {
        id: 'A2',
        type: 'split',
        symbol: 'AAPL',
        time: 1,
        date: '2026-01-05',
        splitFrom: 1,
        splitTo: 2,
        quantityBefore: '10',
        quantityAfter: '20',
      },
      { ...dividend, id: 'A3', phase: 'paid' },
    ]);
    // 1000 − 1000 + 250 + 2.5; 10 − 5 + 10 shares.
    expect(folded.cash.toString()).toBe('252.5');
    expect(folded.quantities.get('AAPL')?.toString()).toBe('15');
  });
});
