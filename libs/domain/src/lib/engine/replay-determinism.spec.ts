import type { Fill } from '../ledger/fill';
import type { Bar } from '../market/bar';
import { DEFAULT_RISK_CONFIG } from '../risk/risk-config';
import { syntheticMarketMinutes } from '../simulation/synthetic-bars';
import type { EngineConfig } from './engine-config';
import type { EngineOutput } from './engine-output';
import { EngineError, TradingEngine } from './trading-engine';

const SYMBOLS = ['SPY', 'AAPL', 'NVDA', 'TSLA'];
const STRATEGIES = ['ma-crossover', 'rsi-mean-reversion', 'momentum-breakout', 'mixed'];

const CONFIG: EngineConfig = {
  startingCash: 100_000,
  strategies: Object.fromEntries(SYMBOLS.map((symbol, i) => [symbol, { name: STRATEGIES[i] }])),
  risk: {
    ...DEFAULT_RISK_CONFIG,
    maxPositionPct: 20,
    defaultStopLossPct: 0.5,
    defaultTakeProfitPct: 0.5,
  },
  fees: { percent: 0.05, perShare: 0, perShareMinimum: 0, flat: 0.5, regulatory: true },
  slippageBps: 5,
  sizing: { mode: 'auto' },
  idPrefix: 'acc-',
};

const BARS: Bar[] = [...syntheticMarketMinutes(SYMBOLS, { seed: 7, count: 3000 })].flat();

function run(engine: TradingEngine, bars: readonly Bar[]): EngineOutput[] {
  return bars.map((bar) => {
    engine.onBar(bar);
    return engine.takeOutput();
  });
}

describe('engine replay', () => {
  it('is deterministic: same bars, same orders, fills, decisions and ids', () => {
    const first = run(new TradingEngine(CONFIG), BARS);
    const second = run(new TradingEngine(CONFIG), BARS);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    const fills = first.flatMap((o) => o.fills);
    expect(fills.length).toBeGreaterThan(20);
    expect(new Set(first.flatMap((o) => o.orders.map((x) => x.source)))).toEqual(
      new Set(['strategy', 'risk']),
    );
    expect(fills[0].id).toBe('acc-F1');
  });

  it(
    'carries on after a restore (snapshot + fills + ' +
      'indicator warm-up) exactly as if never stopped',
    () => {
      const cut = Math.floor(BARS.length * 0.45);
      const uninterrupted = new TradingEngine(CONFIG);
      const before = run(uninterrupted, BARS.slice(0, cut));
      const snapshot = JSON.parse(JSON.stringify(uninterrupted.snapshot()));
      const after = run(uninterrupted, BARS.slice(cut));

      const fills: Fill[] = before.flatMap((o) => o.fills);
      const restored = TradingEngine.restore(CONFIG, snapshot, fills);
      restored.warmUp(BARS.slice(0, cut));
      expect(JSON.stringify(run(restored, BARS.slice(cut)))).toBe(JSON.stringify(after));
      expect(after.flatMap((o) => o.fills).length).toBeGreaterThan(5);
    },
  );

  it('refuses a restore whose fills do not rebuild the snapshot ledger', () => {
    const engine = new TradingEngine(CONFIG);
    const output = run(engine, BARS.slice(0, 6000)).flatMap((o) => o.fills);
    expect(output.length).toBeGreaterThan(1);
    expect(() => TradingEngine.restore(CONFIG, engine.snapshot(), output.slice(1))).toThrow(
      EngineError,
    );
    expect(() => TradingEngine.restore(CONFIG, engine.snapshot(), output.slice(0, -1))).toThrow(
      EngineError,
    );
  });
});
