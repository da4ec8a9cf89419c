import { foldFills } from './ledger-fold';

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
});
