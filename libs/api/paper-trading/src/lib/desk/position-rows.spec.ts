import type { PaperTradeEntity } from '@ptp/api/persistence';
import { Ledger, type Fill } from '@ptp/domain';
import { fillsInBookingOrder } from './engine-rows';
import { bookFills } from './position-rows';

const fill = (n: number, symbol: string, side: 'buy' | 'sell', quantity: number, price: number, commission = 0): Fill => ({ id: `a-F${n}`, orderId: `a-O${n}`, symbol, side, quantity, price, commission, time: n * 60_000 });

describe('bookFills', () => {
  it('books realised P&L per sell (net of its fee), keeps exact cost, and restarts a position that went flat', () => {
    const ledger = new Ledger('1000');
    const before = ledger.state();
    const fills = [fill(1, 'AAPL', 'buy', 2, 100, 1), fill(2, 'AAPL', 'sell', 1, 110, 0.5), fill(3, 'AAPL', 'sell', 1, 90), fill(4, 'AAPL', 'buy', 1, 95), fill(5, 'MSFT', 'buy', 0.5, 300)];
    for (const f of fills) ledger.applyFill(f);
    const booked = bookFills('a', '1000', before, ledger.state(), [], fills);
    expect(Object.fromEntries(booked.realized)).toEqual({ 'a-F1': '0', 'a-F2': '9.5', 'a-F3': '-10', 'a-F4': '0', 'a-F5': '0' });
    expect(booked.positions).toEqual([
      { accountId: 'a', symbol: 'AAPL', quantity: '1', avgCost: '95', realizedPnl: '0', openedAt: 4 * 60_000, updatedAt: 4 * 60_000 },
      { accountId: 'a', symbol: 'MSFT', quantity: '0.5', avgCost: '300', realizedPnl: '0', openedAt: 5 * 60_000, updatedAt: 5 * 60_000 },
    ]);
  });

  it('carries a position held before the batch on with its opening time and realised P&L', () => {
    const ledger = Ledger.fromFills('1000', [fill(1, 'AAPL', 'buy', 2, 100)]);
    const before = ledger.state();
    const sell = fill(2, 'AAPL', 'sell', 0.5, 120);
    ledger.applyFill(sell);
    const previous = [{ accountId: 'a', symbol: 'AAPL', quantity: '2', avgCost: '100', realizedPnl: '1', openedAt: 60_000, updatedAt: 60_000 }];
    const booked = bookFills('a', '1000', before, ledger.state(), previous, [sell]);
    expect(booked.positions).toEqual([{ accountId: 'a', symbol: 'AAPL', quantity: '1.5', avgCost: '100', realizedPnl: '11', openedAt: 60_000, updatedAt: 2 * 60_000 }]);
  });
});

describe('fillsInBookingOrder', () => {
  it('orders stored fills by the engine counter in their id, not by text', () => {
    const row = (id: string): PaperTradeEntity => ({ id, accountId: 'a', orderId: 'a-O1', sessionId: null, symbol: 'AAPL', side: 'buy', quantity: '1', price: '1', commission: '0', realizedPnl: '0', executedAt: 0 });
    expect(fillsInBookingOrder([row('a-F10'), row('a-F9'), row('a-F1')]).map((f) => f.id)).toEqual(['a-F1', 'a-F9', 'a-F10']);
  });
});
