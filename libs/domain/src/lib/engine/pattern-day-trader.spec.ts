import { DEFAULT_RISK_CONFIG } from '../risk/risk-config';
import { engineConfig, minuteBars } from './testing/engine-fixtures';
import { TradingEngine } from './trading-engine';

const RISK = { ...DEFAULT_RISK_CONFIG, enforceMarketHours: false, maxPositionPct: 100 };

/** Buys and sells 1 AAA on each minute bar pair of 2025-03-03; returns the last sell's result. */
function roundTrips(engine: TradingEngine, count: number) {
  const bars = minuteBars('AAA', '2025-03-03', Array(2 * count + 1).fill(100));
  engine.onBar(bars[0]);
  let last = null;
  for (let i = 0; i < count; i++) {
    engine.submitOrder(
      { symbol: 'AAA', side: 'buy', type: 'market', quantity: 1 },
      bars[2 * i].time,
    );
    engine.onBar(bars[2 * i + 1]);
    const sell = { symbol: 'AAA', side: 'sell', type: 'market', quantity: 1 } as const;
    last = engine.submitOrder(sell, bars[2 * i + 1].time);
    engine.onBar(bars[2 * i + 2]);
  }
  return last;
}

describe('the pattern-day-trader rule in the engine', () => {
  it('refuses the fourth day trade of an account under $25,000 and reports the count', () => {
    const engine = new TradingEngine(engineConfig({ risk: { ...RISK, patternDayTrader: true } }));
    const fourth = roundTrips(engine, 4);
    expect(fourth).toMatchObject({ ok: false, rejection: { code: 'RISK_PDT', requested: 4 } });
    expect(engine.riskState()).toMatchObject({
      dayTradeCount: 3,
      dayTradeWindow: { from: '2025-02-25', to: '2025-03-03' },
    });
    expect(engine.portfolio().positions[0]).toMatchObject({ symbol: 'AAA', quantity: 1 });
  });

  it('counts without refusing when the rule is off or equity is at least $25,000', () => {
    const off = new TradingEngine(engineConfig({ risk: RISK }));
    expect(roundTrips(off, 4)).toMatchObject({ ok: true });
    expect(off.riskState().dayTradeCount).toBe(4);
    const rich = new TradingEngine(
      engineConfig({ startingCash: 25_000, risk: { ...RISK, patternDayTrader: true } }),
    );
    expect(roundTrips(rich, 4)).toMatchObject({ ok: true });
  });

  it('keeps the count across a snapshot and restore', () => {
    const engine = new TradingEngine(engineConfig({ risk: { ...RISK, patternDayTrader: true } }));
    roundTrips(engine, 3);
    const snapshot = JSON.parse(JSON.stringify(engine.snapshot()));
    const restored = new TradingEngine(engine.config, snapshot);
    expect(restored.riskState().dayTradeCount).toBe(3);
  });
});
