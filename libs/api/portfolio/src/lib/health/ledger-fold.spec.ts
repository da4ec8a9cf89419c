import { foldFills, foldMore, type FoldableFill } from './ledger-fold';

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
