import { newYorkWallTimeToUtc } from '../calendar/new-york-time';
import { DEFAULT_RISK_CONFIG } from '../risk/risk-config';
import { engineConfig as config, minuteBars } from './testing/engine-fixtures';
import { EngineError, TradingEngine } from './trading-engine';

describe('TradingEngine live prices', () => {
  it('fills at the ask with slippage, never on a stale price nor one older than the order', () => {
    const engine = new TradingEngine(config({ slippageBps: 10 }));
    const [bar] = minuteBars('AAA', '2025-03-03', [100]);
    engine.onBar(bar);
    const t = bar.time + 90_000;
    engine.submitOrder({ symbol: 'AAA', side: 'buy', type: 'market', quantity: 2 }, t);
    expect(engine.onPrice({ symbol: 'AAA', time: t - 1, bid: 99, ask: 101, ageMs: 0 })).toEqual({
      refused: null,
      fills: 0,
    });
    expect(engine.onPrice({ symbol: 'AAA', time: t, bid: 99, ask: 101, ageMs: 200_000 })).toEqual({
      refused: 'STALE_PRICE',
      fills: 0,
    });
    expect(engine.onPrice({ symbol: 'AAA', time: t, bid: 99, ask: 101, stale: true })).toEqual({
      refused: 'STALE_PRICE',
      fills: 0,
    });
    expect(engine.onPrice({ symbol: 'AAA', time: t, bid: 99, ask: 101, ageMs: 500 })).toEqual({
      refused: null,
      fills: 1,
    });
    const [fill] = engine.takeOutput().fills;
    expect(fill.price).toBeCloseTo(101 * 1.001, 12);
    expect(engine.portfolio()).toMatchObject({
      positions: [{ symbol: 'AAA', quantity: 2, lastPrice: 100 }],
    });
  });
});

describe('TradingEngine daily loss limit', () => {
  const strategies = {
    AAA: { name: 'rsi-mean-reversion', params: { period: 2, oversold: 30, overbought: 70 } },
  };

  it(
    'stops new entries for the rest of the session ' +
      'once breached, and flattens when configured',
    () => {
      const risk = {
        ...DEFAULT_RISK_CONFIG,
        enforceMarketHours: true,
        maxPositionPct: 100,
        flattenOnDailyLossLimit: true,
      };
      const engine = new TradingEngine(config({ strategies, risk }));
      engine.onBar(minuteBars('BBB', '2025-03-03', [100])[0]);
      engine.submitOrder(
        { symbol: 'BBB', side: 'buy', type: 'market', quantity: 90 },
        newYorkWallTimeToUtc('2025-03-03', 570),
      );
      const day1 = [...minuteBars('BBB', '2025-03-03', [100, 100, 90, 90], 571)];
      const aaa = minuteBars('AAA', '2025-03-03', [50, 49, 48, 47, 46], 570);
      engine.onBar(aaa[0]);
      for (let i = 0; i < day1.length; i++) {
        engine.onBar(day1[i]);
        engine.onBar(aaa[i + 1]);
      }
      const out = engine.takeOutput();
      expect(out.alerts).toMatchObject([
        { code: 'DAILY_LOSS_LIMIT_BREACHED', limit: 500, loss: 900 },
      ]);
      expect(
        out.decisions.filter((d) => d.riskCode === 'RISK_DAILY_LOSS_LIMIT').length,
      ).toBeGreaterThan(0);
      expect(
        out.orders.some((o) => o.source === 'risk' && o.symbol === 'BBB' && o.side === 'sell'),
      ).toBe(true);
      expect(out.fills.filter((f) => f.side === 'sell').map((f) => f.symbol)).toContain('BBB');
      expect(engine.portfolio().positions).toEqual([]);
      expect(engine.portfolio().dailyLossBreached).toBe(true);
      engine.onBar(minuteBars('AAA', '2025-03-04', [45])[0]);
      expect(engine.portfolio().dailyLossBreached).toBe(false);
    },
  );
});

describe('TradingEngine bar order', () => {
  it('takes a bar of another symbol at the engine time, refuses one before it, and restores both', () => {
    const engine = new TradingEngine(config());
    const [a0, a1] = minuteBars('AAA', '2025-03-03', [100, 101]);
    const [b0] = minuteBars('BBB', '2025-03-03', [50]);
    engine.onBar(a0);
    engine.onBar(a1);
    expect(() => engine.onBar(b0)).toThrow(EngineError);
    expect(() => engine.onBar(b0)).toThrow(`earlier than the engine time ${a1.time}`);
    engine.onBar({ ...b0, time: a1.time });
    engine.takeOutput();
    const clock = (e: TradingEngine) => {
      const { time, day, lastEquityTime } = e.snapshot();
      return { time, day, lastEquityTime };
    };
    const restored = TradingEngine.restore(config(), engine.snapshot());
    expect(clock(engine)).toEqual({
      time: a1.time,
      day: { date: '2025-03-03', end: Date.parse('2025-03-04T05:00:00Z') },
      lastEquityTime: a1.time,
    });
    expect(clock(restored)).toEqual(clock(engine));
    expect(() => restored.onBar(b0)).toThrow(`earlier than the engine time ${a1.time}`);
  });
});
