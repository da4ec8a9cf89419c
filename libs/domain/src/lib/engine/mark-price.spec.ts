import { newYorkWallTimeToUtc } from '../calendar/new-york-time';
import { DEFAULT_RISK_CONFIG } from '../risk/risk-config';
import { engineConfig as config, minuteBars } from './testing/engine-fixtures';
import { TradingEngine } from './trading-engine';

describe('TradingEngine.markPrice', () => {
  it('values a position without filling, moving the bar time or recording equity', () => {
    const engine = new TradingEngine(config());
    const [bar, next] = minuteBars('AAA', '2025-03-03', [100, 100]);
    engine.onBar(bar);
    engine.submitOrder({ symbol: 'AAA', side: 'buy', type: 'market', quantity: 10 }, bar.time);
    engine.onBar(next);
    engine.takeOutput();
    engine.submitOrder(
      { symbol: 'AAA', side: 'sell', type: 'limit', limitPrice: 105, quantity: 10 },
      next.time,
    );
    engine.markPrice({ symbol: 'AAA', price: 110, time: next.time + 30_000 });
    expect(engine.portfolio()).toMatchObject({ time: next.time, equity: 10_100 });
    expect(engine.portfolio().positions[0]).toMatchObject({ lastPrice: 110, quantity: 10 });
    expect(engine.orders()).toHaveLength(1);
    const output = engine.takeOutput();
    expect([output.fills, output.equity.times]).toEqual([[], []]);
    expect(output.orders.map((o) => o.status)).toEqual(['accepted']);
  });

  it('marks a symbol the engine never saw a bar of, so manual orders can be priced', () => {
    const engine = new TradingEngine(config());
    const time = newYorkWallTimeToUtc('2025-03-03', 600);
    engine.markPrice({ symbol: 'ZZZ', price: 50, time });
    const result = engine.submitOrder(
      { symbol: 'ZZZ', side: 'buy', type: 'market', quantity: 1 },
      time,
    );
    expect(result.ok).toBe(true);
  });

  it('ignores prices that are not positive finite numbers', () => {
    const engine = new TradingEngine(config());
    const time = newYorkWallTimeToUtc('2025-03-03', 600);
    engine.markPrice({ symbol: 'ZZZ', price: Number.NaN, time });
    engine.markPrice({ symbol: 'ZZZ', price: 0, time });
    expect(engine.book.lastPrice('ZZZ')).toBeNull();
    expect(engine.riskState().sessionDate).toBeNull();
  });

  it('rolls the trading day like a bar would: day orders expire, the loss guard restarts', () => {
    const risk = { ...DEFAULT_RISK_CONFIG, enforceMarketHours: false, maxPositionPct: 100 };
    const engine = new TradingEngine(config({ risk }));
    const [bar] = minuteBars('AAA', '2025-03-03', [100]);
    engine.markPrice({ symbol: 'AAA', price: 100, time: bar.time });
    expect(engine.riskState()).toMatchObject({
      sessionDate: '2025-03-03',
      startOfDayEquity: 10_000,
    });
    engine.submitOrder(
      {
        symbol: 'AAA',
        side: 'buy',
        type: 'limit',
        limitPrice: 90,
        quantity: 1,
        timeInForce: 'day',
      },
      bar.time,
    );
    engine.submitOrder({ symbol: 'AAA', side: 'buy', type: 'market', quantity: 50 }, bar.time);
    engine.onPrice({ symbol: 'AAA', time: bar.time + 1, price: 100, ageMs: 0 });
    engine.markPrice({ symbol: 'AAA', price: 80, time: bar.time + 60_000 });
    expect(engine.riskState()).toMatchObject({ sessionDate: '2025-03-03', dayPnl: -1_000 });
    engine.takeOutput();

    const tomorrow = newYorkWallTimeToUtc('2025-03-04', 600);
    engine.markPrice({ symbol: 'AAA', price: 82, time: tomorrow });
    expect(engine.riskState()).toMatchObject({
      sessionDate: '2025-03-04',
      startOfDayEquity: 9_000,
      dayPnl: 100,
    });
    expect(engine.orders()).toEqual([]);
    const output = engine.takeOutput();
    expect(output.orders.map((o) => [o.timeInForce, o.status])).toEqual([['day', 'expired']]);
    expect(output.equity.times).toEqual([]);
    expect(engine.portfolio().time).toBeNull();
  });

  it('lets later bars of the rolled day in without OUT_OF_ORDER and without rolling again', () => {
    const engine = new TradingEngine(config());
    const [first] = minuteBars('AAA', '2025-03-03', [100]);
    engine.onBar(first);
    engine.markPrice({ symbol: 'AAA', price: 100, time: newYorkWallTimeToUtc('2025-03-04', 600) });
    const [later] = minuteBars('AAA', '2025-03-04', [102], 601);
    engine.submitOrder({ symbol: 'AAA', side: 'buy', type: 'market', quantity: 1 }, later.time - 1);
    const start = engine.riskState();
    expect(() => engine.onBar(later)).not.toThrow();
    expect(engine.riskState()).toMatchObject({
      sessionDate: '2025-03-04',
      startOfDayEquity: start.startOfDayEquity,
    });
    expect(engine.takeOutput().fills).toHaveLength(1);
  });
});
