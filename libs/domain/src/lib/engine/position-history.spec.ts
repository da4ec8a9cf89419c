import type { Fill } from '../ledger/fill';
import { Ledger } from '../ledger/ledger';
import { applyFillWithPnl, PositionHistory } from './position-history';

const fill = (
  id: number,
  side: 'buy' | 'sell',
  quantity: number,
  price: number,
  commission = 0,
): Fill => ({
  id: `F${id}`,
  orderId: `O${id}`,
  symbol: 'AAA',
  side,
  quantity,
  price,
  commission,
  time: id * 1000,
});

/** Books the fills on a fresh ledger and history; returns each fill's P&L. */
function book(fills: readonly Fill[]): { ledger: Ledger; history: PositionHistory; pnl: string[] } {
  const ledger = new Ledger(10_000);
  const history = new PositionHistory();
  const pnl = fills.map((f) => {
    const realized = applyFillWithPnl(ledger, f);
    history.record(f, realized, ledger.quantity(f.symbol) === 0);
    return realized.toFixed();
  });
  return { ledger, history, pnl };
}

describe('applyFillWithPnl', () => {
  it('gives a sell the change of realised P&L net of its fee, a buy 0', () => {
    const { ledger, pnl } = book([fill(1, 'buy', 3, 10, 0.5), fill(2, 'sell', 1, 12.5, 0.25)]);
    expect(pnl).toEqual(['0', '2.25']);
    expect(ledger.exactRealizedPnl.toFixed()).toBe('1.75');
    expect(ledger.realizedPnl.toString()).toBe('1.75');
  });
});

describe('PositionHistory', () => {
  it('sums what the open position realised since it was opened, and forgets it when flat', () => {
    const { history } = book([fill(1, 'buy', 2, 10), fill(2, 'sell', 1, 11), fill(3, 'buy', 1, 9)]);
    expect(history.state()).toEqual([{ symbol: 'AAA', openedAt: 1000, realizedPnl: '1' }]);
    const flat = book([fill(1, 'buy', 2, 10), fill(2, 'sell', 2, 11), fill(3, 'buy', 1, 9)]);
    expect(flat.history.of('AAA')?.openedAt).toBe(3000);
    expect(flat.history.of('AAA')?.realizedPnl.isZero).toBe(true);
    expect(flat.history.of('BBB')).toBeNull();
  });

  it('restores from its state, and from open round trips for older snapshots', () => {
    const saved = [{ symbol: 'AAA', openedAt: 5, realizedPnl: '-1.5' }];
    expect(new PositionHistory(saved).state()).toEqual(saved);
    const trip = {
      symbol: 'AAA',
      entryTime: 7,
      boughtSteps: 1,
      boughtValue: '1',
      soldSteps: 0,
      soldValue: '0',
      commission: '0',
    };
    expect(PositionHistory.fromOpenTrips([trip]).state()).toEqual([
      { symbol: 'AAA', openedAt: 7, realizedPnl: '0' },
    ]);
  });
});

describe('Ledger.exactPositions', () => {
  it('lists quantity and cost basis exactly, with the last mark', () => {
    const { ledger } = book([fill(1, 'buy', 0.1, 0.3), fill(2, 'buy', 0.2, 0.3)]);
    ledger.mark('AAA', 0.35);
    const [position] = ledger.exactPositions();
    expect(position.symbol).toBe('AAA');
    expect([position.quantity.toFixed(), position.costBasis.toFixed()]).toEqual(['0.3', '0.09']);
    expect(position.lastPrice).toBe(0.35);
  });
});
