import { DEFAULT_EXECUTION_CONFIG, type ExecutionConfig } from './engine-config';
import { dailyBars } from './testing/daily-bars';
import { engineConfig } from './testing/engine-fixtures';
import { TradingEngine } from './trading-engine';
import type { OrderRequest } from '../orders/order-types';

const capped = (
  maxVolumePct: number | null,
  limitFillRule: ExecutionConfig['limitFillRule'] = 'touch',
) =>
  new TradingEngine(
    engineConfig({ startingCash: 100_000, execution: { maxVolumePct, limitFillRule } }),
  );
const flat = (price: number, volume: number) => ({
  open: price,
  high: price,
  low: price,
  close: price,
  volume,
});

function run(engine: TradingEngine, requests: OrderRequest[], rows: ReturnType<typeof flat>[]) {
  const bars = dailyBars('AAA', rows);
  engine.onBar(bars[0]);
  for (const request of requests) expect(engine.submitOrder(request, bars[0].time).ok).toBe(true);
  for (const bar of bars.slice(1)) engine.onBar(bar);
  return engine.takeOutput();
}

const buy = (quantity: number, extra: Partial<OrderRequest> = {}): OrderRequest => ({
  symbol: 'AAA',
  side: 'buy',
  type: 'market',
  quantity,
  ...extra,
});

describe('volume-aware fills (execution.maxVolumePct)', () => {
  it('fills at most the share of each bar’s volume and keeps the rest working', () => {
    const out = run(
      capped(10),
      [buy(250)],
      [flat(10, 0), flat(10, 1000), flat(11, 1000), flat(12, 1000)],
    );
    expect(out.fills.map((f) => [f.quantity, f.price])).toEqual([
      [100, 10],
      [100, 11],
      [50, 12],
    ]);
    const order = out.orders[0];
    expect(order.status).toBe('filled');
    expect(order.transitions.map((t) => t.status)).toEqual([
      'new',
      'accepted',
      'partially_filled',
      'partially_filled',
      'filled',
    ]);
    expect(order.filledQuantity).toBe(250);
    expect(order.averageFillPrice).toBeCloseTo((1000 + 1100 + 600) / 250, 12);
  });

  it('reports partially_filled with the filled quantity and average price while working', () => {
    const engine = capped(5);
    const out = run(engine, [buy(100)], [flat(10, 0), flat(10, 1000)]);
    expect(out.orders[0]).toMatchObject({
      status: 'partially_filled',
      filledQuantity: 50,
      averageFillPrice: 10,
    });
    expect(engine.orders()).toHaveLength(1);
    // What is still open is reserved at its remaining quantity.
    expect(engine.availableCash()).toBeCloseTo(100_000 - 500 - 50 * 10, 6);
  });

  it('a bar without volume fills nothing; the default (null) fills whole orders', () => {
    expect(run(capped(10), [buy(10)], [flat(10, 0), flat(10, 0)]).fills).toEqual([]);
    const whole = run(capped(null), [buy(250)], [flat(10, 0), flat(10, 1000)]);
    expect(whole.fills.map((f) => f.quantity)).toEqual([250]);
  });

  it('a day order expires unfilled at the close; ioc cancels the rest at once', () => {
    const day = run(
      capped(10),
      [buy(250, { timeInForce: 'day' })],
      [flat(10, 0), flat(10, 1000), flat(10, 1000)],
    );
    expect(day.fills.map((f) => f.quantity)).toEqual([100]);
    expect(day.orders[0].status).toBe('expired');
    expect(day.orders[0].filledQuantity).toBe(100);
    const ioc = run(
      capped(10),
      [buy(250, { timeInForce: 'ioc' })],
      [flat(10, 0), flat(10, 1000), flat(10, 1000)],
    );
    expect(ioc.fills.map((f) => f.quantity)).toEqual([100]);
    expect(ioc.orders[0]).toMatchObject({ status: 'canceled', filledQuantity: 100 });
    expect(ioc.orders[0].reason).toMatch(/ioc/);
  });

  it('a notional order keeps the whole quantity its dollars buy', () => {
    const out = run(
      capped(10),
      [{ symbol: 'AAA', side: 'buy', type: 'market', notional: 2000 }],
      [flat(10, 0), flat(10, 1000), flat(10, 1000)],
    );
    expect(out.fills.map((f) => f.quantity)).toEqual([100, 100]);
    expect(out.orders[0]).toMatchObject({ status: 'filled', quantity: 200, filledQuantity: 200 });
  });

  it('sizes a bracket’s exits to what filled; OCO cancels only on a complete fill', () => {
    const bracket = buy(200, { stopLoss: 5, takeProfit: 12 });
    const engine = capped(10);
    const bars = dailyBars('AAA', [
      flat(10, 0),
      flat(10, 1000),
      flat(10, 1000),
      flat(12, 1000),
      flat(12, 1000),
    ]);
    engine.onBar(bars[0]);
    engine.submitOrder(bracket, bars[0].time);
    engine.onBar(bars[1]);
    const children = () => engine.orders().filter((o) => o.parentId !== null);
    expect(children().map((o) => [o.role, o.quantity])).toEqual([
      ['stop_loss', 100],
      ['take_profit', 100],
    ]);
    engine.onBar(bars[2]);
    expect(children().map((o) => [o.role, o.quantity])).toEqual([
      ['stop_loss', 200],
      ['take_profit', 200],
    ]);
    engine.onBar(bars[3]); // the take-profit fills 100 of 200: the stop-loss keeps working
    expect(children().map((o) => [o.role, o.status])).toEqual([
      ['stop_loss', 'accepted'],
      ['take_profit', 'partially_filled'],
    ]);
    engine.onBar(bars[4]);
    const out = engine.takeOutput();
    const last = new Map(out.orders.map((o) => [o.role, o]));
    expect(last.get('take_profit')?.status).toBe('filled');
    expect(last.get('stop_loss')?.status).toBe('canceled');
    expect(engine.book.quantity('AAA')).toBe(0);
  });

  it('every partial fill is its own fill with its own id', () => {
    const out = run(
      capped(10),
      [buy(300)],
      [flat(10, 0), flat(10, 1000), flat(10, 1000), flat(10, 1000)],
    );
    expect(out.fills.map((f) => f.id)).toEqual(['F1', 'F2', 'F3']);
    expect(new Set(out.fills.map((f) => f.orderId)).size).toBe(1);
  });

  it('live prices fill under the cap only when they carry a volume', () => {
    const engine = capped(10);
    const [bar] = dailyBars('AAA', [flat(10, 0)]);
    engine.onBar(bar);
    engine.submitOrder(buy(50), bar.time);
    const tick = { symbol: 'AAA', time: bar.time + 1, price: 10, ageMs: 0 };
    engine.onPrice(tick);
    engine.onPrice({ ...tick, time: bar.time + 2, volume: 200 });
    expect(engine.takeOutput().fills.map((f) => f.quantity)).toEqual([20]);
  });
});

describe('execution.limitFillRule', () => {
  const limit = (price: number): OrderRequest => buy(10, { type: 'limit', limitPrice: price });
  const touching = { open: 11, high: 11, low: 10, close: 10.5, volume: 1000 };
  it('touch fills when the bar reaches the limit; through only when it trades beyond it', () => {
    expect(run(capped(null), [limit(10)], [flat(11, 0), touching]).fills).toHaveLength(1);
    expect(run(capped(null, 'through'), [limit(10)], [flat(11, 0), touching]).fills).toHaveLength(
      0,
    );
    const beyond = { ...touching, low: 9.99 };
    const through = run(capped(null, 'through'), [limit(10)], [flat(11, 0), beyond]);
    expect(through.fills.map((f) => f.price)).toEqual([10]);
  });

  it('defaults to touch with no volume cap', () => {
    expect(DEFAULT_EXECUTION_CONFIG).toEqual({ maxVolumePct: null, limitFillRule: 'touch' });
  });
});
