import { DEFAULT_RISK_CONFIG } from '../risk/risk-config';
import { dailyBars } from './testing/daily-bars';
import { engineConfig as config, minuteBars } from './testing/engine-fixtures';
import { EngineError, TradingEngine } from './trading-engine';

describe('TradingEngine orders', () => {
  it('attaches one-cancels-other stop-loss and take-profit sells to a filled entry', () => {
    const engine = new TradingEngine(config());
    const bars = dailyBars('AAA', [
      100,
      { open: 101, close: 102 },
      104,
      { open: 105, high: 111, low: 104, close: 110 },
    ]);
    engine.onBar(bars[0]);
    const submitted = engine.submitOrder(
      { symbol: 'AAA', side: 'buy', type: 'market', quantity: 10, stopLoss: 95, takeProfit: 110 },
      bars[0].time,
    );
    expect(submitted.ok).toBe(true);
    bars.slice(1).forEach((b) => engine.onBar(b));
    const out = engine.takeOutput();
    expect(out.fills.map((f) => [f.side, f.price, f.quantity])).toEqual([
      ['buy', 101, 10],
      ['sell', 110, 10],
    ]);
    const last = new Map(out.orders.map((o) => [o.id, o]));
    expect([...last.values()].map((o) => [o.role, o.status, o.parentId])).toEqual([
      ['entry', 'filled', null],
      ['stop_loss', 'canceled', 'O1'],
      ['take_profit', 'filled', 'O1'],
    ]);
    expect(last.get('O2')?.reason).toBe('oco: O3 filled');
    expect(engine.orders()).toEqual([]);
  });

  it('gives strategy entries the default stop-loss and cancels it when the strategy exits', () => {
    const engine = new TradingEngine(
      config({
        strategies: { AAA: { name: 'ma-crossover', params: { fast: 2, slow: 3 } } },
        risk: { ...DEFAULT_RISK_CONFIG, maxPositionPct: 50, defaultStopLossPct: 10 },
      }),
    );
    dailyBars('AAA', [10, 10, 10, 9, 12, { open: 12, close: 12 }, 11, 10]).forEach((b) =>
      engine.onBar(b),
    );
    const out = engine.takeOutput();
    const stop = out.orders.filter((o) => o.role === 'stop_loss');
    expect(stop[0]).toMatchObject({
      type: 'stop',
      stopPrice: 12 * 0.9,
      quantity: out.fills[0].quantity,
      source: 'risk',
    });
    expect(stop[stop.length - 1]).toMatchObject({ status: 'canceled', reason: 'position closed' });
    expect(out.fills.map((f) => f.side)).toEqual(['buy', 'sell']);
    expect(out.fills[0].quantity * out.fills[0].price).toBeLessThanOrEqual(5000);
  });

  it(
    'expires a day order after the session it ' + 'worked in, and cancels an unfilled ioc order',
    () => {
      const engine = new TradingEngine(config());
      const bars = [
        ...minuteBars('AAA', '2025-03-03', [100, 100, 100]),
        ...minuteBars('AAA', '2025-03-04', [100]),
      ];
      engine.onBar(bars[0]);
      engine.submitOrder(
        {
          symbol: 'AAA',
          side: 'buy',
          type: 'limit',
          limitPrice: 90,
          quantity: 1,
          timeInForce: 'day',
        },
        bars[0].time,
      );
      engine.submitOrder(
        {
          symbol: 'AAA',
          side: 'buy',
          type: 'limit',
          limitPrice: 90,
          quantity: 1,
          timeInForce: 'ioc',
        },
        bars[0].time,
      );
      engine.submitOrder(
        {
          symbol: 'AAA',
          side: 'buy',
          type: 'limit',
          limitPrice: 90,
          quantity: 1,
          timeInForce: 'gtc',
        },
        bars[0].time,
      );
      engine.onBar(bars[1]);
      expect(engine.orders().map((o) => o.timeInForce)).toEqual(['day', 'gtc']);
      engine.onBar(bars[2]);
      engine.onBar(bars[3]);
      expect(engine.orders().map((o) => o.timeInForce)).toEqual(['gtc']);
      const statuses = engine
        .takeOutput()
        .orders.filter((o) => o.status === 'expired' || o.status === 'canceled');
      expect(statuses.map((o) => [o.timeInForce, o.status, o.reason])).toEqual([
        ['day', 'expired', 'day order: session 2025-03-03 is over'],
        ['ioc', 'canceled', 'ioc: not filled on its first evaluation'],
      ]);
    },
  );

  it(
    'fills a bracket child partially when a manual ' +
      'sale left fewer shares, then cancels the rest',
    () => {
      const engine = new TradingEngine(config());
      const bars = dailyBars('AAA', [
        100,
        { open: 100, close: 100 },
        100,
        { open: 100, high: 101, low: 94, close: 95 },
      ]);
      engine.onBar(bars[0]);
      engine.submitOrder(
        { symbol: 'AAA', side: 'buy', type: 'market', quantity: 10, stopLoss: 95 },
        bars[0].time,
      );
      engine.onBar(bars[1]);
      engine.onBar(bars[2]);
      expect(
        engine.submitOrder(
          { symbol: 'AAA', side: 'sell', type: 'market', quantity: 4 },
          bars[2].time,
        ),
      ).toMatchObject({ ok: true });
      engine.onBar(bars[3]);
      const out = engine.takeOutput();
      expect(out.fills.map((f) => [f.side, f.quantity, f.price])).toEqual([
        ['buy', 10, 100],
        ['sell', 4, 100],
        ['sell', 6, 95],
      ]);
      const stop = out.orders.find((o) => o.role === 'stop_loss');
      expect(stop?.transitions.map((t) => t.status)).toEqual([
        'new',
        'accepted',
        'partially_filled',
        'canceled',
      ]);
      expect(stop).toMatchObject({ filledQuantity: 6, reason: 'position closed' });
    },
  );

  it('converts a notional order to shares at the fill price, rounded down to 1e-6', () => {
    const engine = new TradingEngine(config());
    const bars = dailyBars('AAA', [100, { open: 3, close: 3 }]);
    engine.onBar(bars[0]);
    engine.submitOrder({ symbol: 'AAA', side: 'buy', type: 'market', notional: 50 }, bars[0].time);
    engine.onBar(bars[1]);
    expect(engine.takeOutput().fills[0]).toMatchObject({ quantity: 16.666666, price: 3 });
  });

  it('answers manual orders it cannot take with a machine-readable code', () => {
    const engine = new TradingEngine(config());
    expect(
      engine.submitOrder({ symbol: 'AAA', side: 'buy', type: 'market', quantity: 1 }, 0),
    ).toMatchObject({ ok: false, code: 'NO_PRICE' });
    engine.onBar(dailyBars('AAA', [100])[0]);
    const invalid = engine.submitOrder(
      { symbol: 'AAA', side: 'buy', type: 'limit', quantity: 1 },
      0,
    );
    expect(invalid).toMatchObject({ ok: false, code: 'MISSING_LIMIT_PRICE' });
    expect(invalid).not.toHaveProperty('order');
    expect(
      engine.submitOrder({ symbol: 'AAA', side: 'sell', type: 'market', quantity: 1 }, 0),
    ).toMatchObject({
      ok: false,
      code: 'NO_SHORT_POSITIONS',
      rejection: { limit: 0, requested: 1 },
    });
    expect(
      engine.submitOrder(
        { symbol: 'AAA', side: 'buy', type: 'market', quantity: 1, stopLoss: 101 },
        0,
      ),
    ).toMatchObject({ ok: false, code: 'INVALID_BRACKET' });
    expect(
      engine.submitOrder({ symbol: 'AAA', side: 'buy', type: 'market', quantity: 101 }, 0),
    ).toMatchObject({ ok: false, code: 'RISK_MAX_POSITION', order: { status: 'rejected' } });
    const unlimited = new TradingEngine(config({ risk: null }));
    unlimited.onBar(dailyBars('AAA', [100])[0]);
    expect(
      unlimited.submitOrder({ symbol: 'AAA', side: 'buy', type: 'market', quantity: 101 }, 0),
    ).toMatchObject({
      ok: false,
      code: 'INSUFFICIENT_CASH',
      rejection: { limit: 10_000, requested: 10_100 },
    });
    expect(engine.cancelOrder('O99', 0)).toMatchObject({ ok: false, code: 'ORDER_NOT_FOUND' });
  });

  it('refuses bars out of time order', () => {
    const engine = new TradingEngine(config());
    const [a, b] = dailyBars('AAA', [1, 2]);
    engine.onBar(b);
    expect(() => engine.onBar(a)).toThrow(EngineError);
  });
});
