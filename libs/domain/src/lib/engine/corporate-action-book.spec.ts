import type { CorporateActions } from '../corporate-actions/corporate-action-types';
import type { LedgerEntry } from './engine-restore';
import { dailyBars } from './testing/daily-bars';
import { engineConfig as config } from './testing/engine-fixtures';
import { EngineError, TradingEngine } from './trading-engine';

// Bars dated 2024-01-02, -03, -04, … (one a day).
const split = (date: string, from = 1, to = 4): CorporateActions => ({
  splits: [{ ticker: 'AAA', execution_date: date, split_from: from, split_to: to }],
  dividends: [],
});
const dividend = (ex: string, pay: string, cash = 0.5): CorporateActions => ({
  splits: [],
  dividends: [{ ticker: 'AAA', cash_amount: cash, ex_dividend_date: ex, pay_date: pay }],
});

/** Holds 10 AAA bought at 100 on 2024-01-03 with resting orders of every adjustable kind. */
function holding() {
  const engine = new TradingEngine(config());
  const bars = dailyBars('AAA', [100, 100, 100, 25, 25, 26, 24]);
  engine.onBar(bars[0]);
  const buy = { symbol: 'AAA', side: 'buy', type: 'market', quantity: 10 } as const;
  engine.submitOrder({ ...buy, stopLoss: 80, takeProfit: 130 }, bars[0].time);
  engine.onBar(bars[1]);
  engine.submitOrder({ ...buy, type: 'limit', quantity: 3, limitPrice: 60 }, bars[1].time);
  const trail = { symbol: 'AAA', side: 'sell', type: 'trailing_stop', quantity: 2 } as const;
  engine.submitOrder({ ...trail, trailAmount: 12 }, bars[1].time);
  const entries: LedgerEntry[] = engine.takeOutput().fills;
  return { engine, bars, entries };
}

describe('corporate actions in the engine', () => {
  it('a 4-for-1 split moves the position, its open orders and keeps equity', () => {
    const { engine, bars } = holding();
    engine.scheduleCorporateActions(split('2024-01-05'));
    engine.onBar(bars[2]);
    const before = engine.account();
    engine.onBar(bars[3]);
    const out = engine.takeOutput();
    const after = engine.account();
    expect(after.equity.toFixed()).toBe(before.equity.toFixed());
    expect(
      after.positions.map((p) => [p.symbol, p.quantity.toFixed(), p.averageCost.toFixed()]),
    ).toEqual([['AAA', '40', '25']]);
    expect(after.positions[0].costBasis.toFixed()).toBe('1000');
    expect(out.activities).toEqual([
      {
        id: 'A1',
        type: 'split',
        symbol: 'AAA',
        time: bars[3].time,
        date: '2024-01-05',
        splitFrom: 1,
        splitTo: 4,
        quantityBefore: '10',
        quantityAfter: '40',
      },
    ]);
    const open = engine
      .orders()
      .map((o) => [o.role, o.type, o.quantity, o.limitPrice ?? o.stopPrice ?? o.trailAmount]);
    expect(open).toEqual([
      ['stop_loss', 'stop', 40, 20],
      ['take_profit', 'limit', 40, 32.5],
      ['entry', 'limit', 12, 15],
      ['exit', 'trailing_stop', 8, 3],
    ]);
    expect(engine.orders()[3].trailAnchor).toBe(25);
    expect(out.fills).toEqual([]);
  });

  it('accrues a dividend on the shares held before the ex-date and pays it later', () => {
    const { engine, bars } = holding();
    engine.scheduleCorporateActions(dividend('2024-01-05', '2024-01-07'));
    engine.onBar(bars[2]);
    engine.submitOrder({ symbol: 'AAA', side: 'sell', type: 'market', quantity: 4 }, bars[2].time);
    engine.onBar({ ...bars[3], open: 100, high: 100, low: 99, close: 99.5 });
    const accrued = engine.account();
    expect(accrued.positions[0].quantity.toFixed()).toBe('6');
    expect(accrued.dividendsReceivable.toFixed()).toBe('5');
    expect(accrued.equity.minus(accrued.cash).minus(5).toFixed()).toBe('597');
    const onEx = engine.takeOutput().activities;
    expect(
      onEx.map((a) => [a.type, a.type === 'dividend' && a.phase, 'amount' in a && a.amount]),
    ).toEqual([['dividend', 'accrued', '5']]);
    engine.onBar({ ...bars[4], open: 99.5, high: 99.5, low: 99.5, close: 99.5 });
    expect(engine.takeOutput().activities).toEqual([]);
    const cash = engine.account().cash;
    engine.onBar({ ...bars[5], open: 99.5, high: 99.5, low: 99.5, close: 99.5 });
    const paid = engine.takeOutput().activities;
    expect(paid).toHaveLength(1);
    expect(engine.account().cash.minus(cash).toFixed()).toBe('5');
    expect(engine.account().dividendsReceivable.toFixed()).toBe('0');
  });

  it('starts the session of an ex-date at the previous close plus the dividend accrued', () => {
    const { engine, bars } = holding();
    engine.scheduleCorporateActions(dividend('2024-01-05', '2024-01-07'));
    engine.onBar(bars[2]);
    engine.onBar(bars[3]);
    const start = engine.riskState().startOfDayEquity;
    const [previousClose] = engine.takeOutput().equity.values;
    expect(start - previousClose).toBeCloseTo(5, 9);
  });

  it('applies an action once, ignores past ones and applies today’s at once', () => {
    const { engine, bars } = holding();
    engine.onBar(bars[2]); // 2024-01-04
    engine.scheduleCorporateActions(dividend('2024-01-03', '2024-01-10'));
    engine.scheduleCorporateActions(dividend('2024-01-04', '2024-01-10', 1));
    engine.scheduleCorporateActions(dividend('2024-01-04', '2024-01-10', 1));
    expect(engine.account().dividendsReceivable.toFixed()).toBe('10');
    engine.onBar(bars[3]);
    engine.scheduleCorporateActions(dividend('2024-01-04', '2024-01-10', 1));
    expect(engine.account().dividendsReceivable.toFixed()).toBe('10');
    expect(engine.takeOutput().activities).toHaveLength(1);
  });

  it('tells how many fills came before each activity, for fills of the same output on both sides', () => {
    const { engine, bars } = holding();
    engine.scheduleCorporateActions(split('2024-01-05'));
    const buyOne = { symbol: 'AAA', side: 'buy', type: 'market', quantity: 1 } as const;
    engine.submitOrder(buyOne, bars[1].time);
    engine.onBar(bars[2]);
    engine.submitOrder(buyOne, bars[2].time);
    engine.onBar(bars[3]);
    const out = engine.takeOutput();
    expect(out.fills.map((f) => f.id)).toEqual(['F2', 'F3']);
    expect(out.activities.map((a) => a.id)).toEqual(['A1']);
    expect(out.activityFills).toEqual([2]);
  });

  it('restores from fills and activities, and refuses fills alone', () => {
    const { engine, bars, entries } = holding();
    engine.scheduleCorporateActions({
      splits: split('2024-01-05', 1, 2).splits,
      dividends: dividend('2024-01-06', '2024-01-08').dividends,
    });
    for (const bar of bars.slice(2)) {
      engine.onBar(bar);
      const out = engine.takeOutput();
      entries.push(...out.activities, ...out.fills);
    }
    const snapshot = engine.snapshot();
    const activities = entries.filter((e) => 'type' in e).map((e) => 'type' in e && e.type);
    expect(activities).toEqual(['split', 'dividend', 'dividend']);
    const restored = TradingEngine.restore(config(), snapshot, entries);
    expect(restored.book.state()).toEqual(engine.book.state());
    const fillsOnly = entries.filter((e) => !('type' in e));
    expect(() => TradingEngine.restore(config(), snapshot, fillsOnly)).toThrow(EngineError);
  });
});
