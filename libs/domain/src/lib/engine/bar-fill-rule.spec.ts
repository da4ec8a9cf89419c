import { NO_FEES } from '../execution/fees';
import type { EngineConfig } from './engine-config';
import { dailyBars } from './testing/daily-bars';
import { TradingEngine } from './trading-engine';

/**
 * ma-crossover 2/3 on these closes enters on bar 4's close; a close of 12 then 11 makes it exit on
 * bar 6's.
 */
const CLOSES = [10, 10, 10, 9, 12];

function engine(overrides: Partial<EngineConfig> = {}): TradingEngine {
  return new TradingEngine({
    startingCash: 10_000,
    strategies: { ABC: { name: 'ma-crossover', params: { fast: 2, slow: 3 } } },
    risk: null,
    fees: NO_FEES,
    slippageBps: 10,
    sizing: { mode: 'quantity', quantity: 5 },
    ...overrides,
  });
}

describe('the bar fill rule', () => {
  it('fills a signal on bar t at the open of bar t+1 with adverse slippage', () => {
    const e = engine();
    const bars = dailyBars('ABC', [...CLOSES, { open: 13, high: 14, low: 12.5, close: 13.5 }]);
    bars.slice(0, 5).forEach((b) => e.onBar(b));
    const signalStep = e.takeOutput();
    expect(signalStep.fills).toEqual([]);
    expect(signalStep.decisions).toMatchObject([
      { action: 'enter', riskOutcome: 'approved', time: bars[4].time },
    ]);
    e.onBar(bars[5]);
    const { fills } = e.takeOutput();
    expect(fills).toHaveLength(1);
    expect(fills[0]).toMatchObject({ side: 'buy', quantity: 5, time: bars[5].time });
    expect(fills[0].price).toBeCloseTo(13 * 1.001, 12);
  });

  it("clamps the slipped price to bar t+1's high for a buy and its low for a sell", () => {
    const e = engine({ slippageBps: 100 });
    const bars = dailyBars('ABC', [
      ...CLOSES,
      { open: 13, high: 13.05, low: 12, close: 12 },
      11,
      { open: 7, high: 7.5, low: 6.99, close: 7 },
    ]);
    bars.forEach((b) => e.onBar(b));
    const { fills } = e.takeOutput();
    expect(fills.map((f) => [f.side, f.price])).toEqual([
      ['buy', 13.05],
      ['sell', 6.99],
    ]);
  });

  it('charges the percent commission on every fill and keeps cash exact', () => {
    const e = engine({ slippageBps: 0, fees: { ...NO_FEES, percent: 0.1 } });
    const bars = dailyBars('ABC', [...CLOSES, { open: 13, close: 12 }, 11, { open: 8, close: 7 }]);
    bars.forEach((b) => e.onBar(b));
    const { fills } = e.takeOutput();
    expect(fills.map((f) => f.commission)).toEqual([0.065, 0.04]);
    expect(e.book.cash.toFixed()).toBe('9974.895');
  });
});
