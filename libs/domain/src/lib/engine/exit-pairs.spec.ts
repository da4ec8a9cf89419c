import fc from 'fast-check';
import type { Order, OrderRequest } from '../orders/order-types';
import { dailyBars, type BarRow } from './testing/daily-bars';
import { engineConfig } from './testing/engine-fixtures';
import { TradingEngine } from './trading-engine';

const buy: OrderRequest = { symbol: 'AAA', side: 'buy', type: 'market', quantity: 10 };
const ocoExit: OrderRequest = {
  symbol: 'AAA',
  side: 'sell',
  type: 'limit',
  quantity: 10,
  limitPrice: 110,
  stopLoss: 95,
};

/** Bar 0 sets the price, `request` is placed after it, the other bars follow. */
function run(requests: readonly OrderRequest[], rows: readonly BarRow[]) {
  const engine = new TradingEngine(engineConfig());
  const bars = dailyBars('AAA', rows);
  engine.onBar(bars[0]);
  const results = requests.map((request) => engine.submitOrder(request, bars[0].time));
  for (const bar of bars.slice(1)) engine.onBar(bar);
  const out = engine.takeOutput();
  const last = new Map(out.orders.map((o) => [o.id, o]));
  return { engine, results, out, last: [...last.values()] };
}

/** A held position of 10 (bought on bar 1), then the OCO exit placed after bar 1. */
function holdThenExit(exit: OrderRequest, after: readonly BarRow[]) {
  const engine = new TradingEngine(engineConfig());
  const bars = dailyBars('AAA', [100, 100, ...after]);
  engine.onBar(bars[0]);
  engine.submitOrder(buy, bars[0].time);
  engine.onBar(bars[1]);
  const placed = engine.submitOrder(exit, bars[1].time);
  for (const bar of bars.slice(2)) engine.onBar(bar);
  const out = engine.takeOutput();
  const last = new Map(out.orders.map((o) => [o.id, o]));
  return { engine, placed, out, orders: [...last.values()] };
}

const summary = (orders: readonly Order[]) =>
  orders.map((o) => [o.id, o.role, o.type, o.status, o.parentId, o.ocoGroup]);

describe('stop-limit stop-loss of a bracket', () => {
  it('attaches the stop-loss as a stop_limit that does not sell below its limit', () => {
    const { out, last } = run(
      [{ ...buy, stopLoss: 95, stopLossLimit: 94, takeProfit: 120 }],
      // Entry at 100; a gap to 90 triggers the stop but is under the limit; back at 94.5 it sells.
      [100, 100, { open: 90, high: 91, low: 89, close: 90 }, { open: 93, high: 94.5, close: 94 }],
    );
    const stop = last.find((o) => o.role === 'stop_loss');
    expect(stop).toMatchObject({ type: 'stop_limit', stopPrice: 95, limitPrice: 94 });
    expect(out.fills.map((f) => [f.side, f.price])).toEqual([
      ['buy', 100],
      ['sell', 94],
    ]);
    expect(last.find((o) => o.role === 'take_profit')?.reason).toBe(`oco: ${stop?.id} filled`);
  });

  it('keeps a plain stop (and the order shape) without a stop-loss limit', () => {
    const { last } = run([{ ...buy, stopLoss: 95 }], [100, 100]);
    expect(last.find((o) => o.role === 'stop_loss')).toMatchObject({ type: 'stop' });
    expect(last.every((o) => !('stopLossLimit' in o))).toBe(true);
  });
});

describe('OCO exit pair (a sell limit order with a stopLoss)', () => {
  it('places the limit order and its stop leg at once, linked by one group', () => {
    const { placed, orders } = holdThenExit(ocoExit, []);
    expect(placed.ok).toBe(true);
    expect(summary(orders.filter((o) => o.side === 'sell'))).toEqual([
      ['O2', 'exit', 'limit', 'accepted', null, 'O2'],
      ['O3', 'stop_loss', 'stop', 'accepted', 'O2', 'O2'],
    ]);
    expect(orders.find((o) => o.id === 'O3')).toMatchObject({ quantity: 10, stopPrice: 95 });
  });

  it('cancels the stop leg when the limit order fills', () => {
    const { out, orders } = holdThenExit(ocoExit, [{ open: 105, high: 111, close: 108 }]);
    expect(out.fills.map((f) => [f.orderId, f.price])).toEqual([
      ['O1', 100],
      ['O2', 110],
    ]);
    expect(orders.find((o) => o.id === 'O3')).toMatchObject({
      status: 'canceled',
      reason: 'oco: O2 filled',
    });
  });

  it('cancels the limit order when the stop-limit leg fills', () => {
    const exit = { ...ocoExit, stopLossLimit: 94 };
    const { out, orders, engine } = holdThenExit(exit, [{ open: 96, low: 94.5, close: 95 }]);
    expect(orders.find((o) => o.id === 'O3')).toMatchObject({ type: 'stop_limit', limitPrice: 94 });
    expect(out.fills.map((f) => [f.orderId, f.price])).toEqual([
      ['O1', 100],
      ['O3', 95],
    ]);
    expect(orders.find((o) => o.id === 'O2')).toMatchObject({
      status: 'canceled',
      reason: 'oco: O3 filled',
    });
    expect(engine.orders()).toEqual([]);
  });

  it('cancels the pair when its limit order is canceled', () => {
    const { engine } = holdThenExit(ocoExit, []);
    const canceled = engine.cancelOrder('O2', Date.UTC(2024, 0, 5));
    expect(canceled.ok).toBe(true);
    const orders = engine.takeOutput().orders;
    expect(orders.map((o) => [o.id, o.status, o.reason])).toEqual([
      ['O2', 'canceled', 'canceled by request'],
      ['O3', 'canceled', 'oco: O2 canceled'],
    ]);
    expect(engine.orders()).toEqual([]);
  });

  it('counts the pair once against the position: a second exit of the same shares is refused', () => {
    const { engine } = holdThenExit(ocoExit, []);
    const again = engine.submitOrder({ ...ocoExit, limitPrice: 115 }, Date.UTC(2024, 0, 5));
    expect(again).toMatchObject({ ok: false, code: 'NO_SHORT_POSITIONS' });
  });

  it('refuses a pair whose stop is not below its limit price, placing nothing', () => {
    const { placed, orders } = holdThenExit({ ...ocoExit, stopLoss: 112 }, []);
    expect(placed).toMatchObject({ ok: false, code: 'INVALID_BRACKET' });
    expect(orders.filter((o) => o.side === 'sell')).toEqual([]);
  });
});

describe('OCO exit pair properties', () => {
  const bar = fc
    .record({
      open: fc.integer({ min: 80, max: 125 }),
      up: fc.integer({ min: 0, max: 10 }),
      down: fc.integer({ min: 0, max: 10 }),
      close: fc.integer({ min: 0, max: 100 }),
    })
    .map(({ open, up, down, close }) => {
      const high = open + up;
      const low = open - down;
      return { open, high, low, close: low + ((high - low) * close) / 100 };
    });

  it('sells the position at most once and leaves no leg working after one fills', () => {
    fc.assert(
      fc.property(
        fc.array(bar, { minLength: 1, maxLength: 12 }),
        fc.option(fc.integer({ min: 85, max: 95 }), { nil: undefined }),
        (rows, stopLossLimit) => {
          const exit = stopLossLimit === undefined ? ocoExit : { ...ocoExit, stopLossLimit };
          const { out, engine } = holdThenExit(exit, rows);
          const sells = out.fills.filter((f) => f.side === 'sell');
          const sold = sells.reduce((sum, f) => sum + f.quantity, 0);
          expect(sold).toBeLessThanOrEqual(10);
          expect(new Set(sells.map((f) => f.orderId)).size).toBeLessThanOrEqual(1);
          if (sold === 10) expect(engine.orders()).toEqual([]);
          if (sells.some((f) => f.orderId === 'O3') && stopLossLimit !== undefined)
            for (const f of sells) expect(f.price).toBeGreaterThanOrEqual(stopLossLimit);
          expect(engine.book.quantity('AAA')).toBe(10 - sold);
        },
      ),
    );
  });
});
