import { DEFAULT_RISK_CONFIG } from '../risk/risk-config';
import type { EngineSnapshot } from './engine-snapshot';
import { dailyBars } from './testing/daily-bars';
import { engineConfig as config } from './testing/engine-fixtures';
import { TradingEngine } from './trading-engine';

/** Buys 10 AAA at 100, sells 4 at 110 (fee 1 each) and leaves the rest marked at 120. */
function tradedEngine(): { engine: TradingEngine; times: number[] } {
  const fees = { percent: 0, perShare: 0, perShareMinimum: 0, flat: 1, regulatory: false };
  const engine = new TradingEngine(config({ fees }));
  const bars = dailyBars('AAA', [100, 100, 110, 120]);
  engine.onBar(bars[0]);
  engine.submitOrder({ symbol: 'AAA', side: 'buy', type: 'market', quantity: 10 }, bars[0].time);
  engine.onBar(bars[1]);
  engine.submitOrder({ symbol: 'AAA', side: 'sell', type: 'market', quantity: 4 }, bars[1].time);
  engine.onBar(bars[2]);
  engine.onBar(bars[3]);
  return { engine, times: bars.map((b) => b.time) };
}

describe('TradingEngine fill P&L', () => {
  it('gives each fill its realised P&L: net of its fee for a sell, 0 for a buy', () => {
    const { engine } = tradedEngine();
    const output = engine.takeOutput();
    expect(output.fills.map((f) => f.side)).toEqual(['buy', 'sell']);
    // (110 − 100) × 4 − the sell's fee 1; the buy's fee is in the ledger's realised P&L only.
    expect(output.fillPnl).toEqual(['0', '39']);
    expect(engine.book.realizedPnl.toString()).toBe('38');
  });
});

describe('TradingEngine account view', () => {
  it('shows cash, equity, P&L and positions in exact decimals', () => {
    const { engine, times } = tradedEngine();
    const account = engine.account();
    expect(account.cash.toString()).toBe(String(10_000 - 1001 + 439));
    expect(account.positionsValue.toString()).toBe('720');
    expect(account.equity.toString()).toBe(account.cash.plus(720).toString());
    expect(account.realizedPnl.toString()).toBe('38');
    expect(account.unrealizedPnl.toString()).toBe('120');
    expect(account.buyingPower.toString()).toBe(account.cash.toString());
    expect(account.dayPnl.toString()).toBe('60');
    expect(account.positions).toHaveLength(1);
    const [position] = account.positions;
    expect(position.symbol).toBe('AAA');
    expect(
      [position.quantity, position.averageCost, position.costBasis, position.lastPrice].map(String),
    ).toEqual(['6', '100', '600', '120']);
    expect([position.marketValue, position.unrealizedPnl].map(String)).toEqual(['720', '120']);
    expect(position.realizedPnl.toString()).toBe('39');
    expect(position.openedAt).toBe(times[1]);
  });

  it('restarts a position’s realised P&L and opening once it went flat', () => {
    const engine = new TradingEngine(config());
    const bars = dailyBars('AAA', [100, 100, 110, 120, 130]);
    engine.onBar(bars[0]);
    engine.submitOrder({ symbol: 'AAA', side: 'buy', type: 'market', quantity: 1 }, bars[0].time);
    engine.onBar(bars[1]);
    engine.submitOrder({ symbol: 'AAA', side: 'sell', type: 'market', quantity: 1 }, bars[1].time);
    engine.onBar(bars[2]);
    engine.submitOrder({ symbol: 'AAA', side: 'buy', type: 'market', quantity: 2 }, bars[2].time);
    engine.onBar(bars[3]);
    const [position] = engine.account().positions;
    expect(position.realizedPnl.isZero()).toBe(true);
    expect(position.openedAt).toBe(bars[3].time);
    expect(engine.account().realizedPnl.toString()).toBe('10');
  });
});

describe('TradingEngine buying power', () => {
  it('holds back what open buy orders are expected to spend, never below 0 in the views', () => {
    const engine = new TradingEngine(config());
    const [bar] = dailyBars('AAA', [100]);
    engine.onBar(bar);
    const limit = { symbol: 'AAA', side: 'buy', type: 'limit', limitPrice: 90 } as const;
    engine.submitOrder({ ...limit, quantity: 50 }, bar.time);
    engine.submitOrder({ ...limit, notional: 1_000 }, bar.time);
    expect(engine.availableCash()).toBe(10_000 - 50 * 90 - 1_000);
    expect(engine.portfolio().buyingPower).toBe(4_500);
    expect(engine.account().buyingPower.toString()).toBe('4500');

    const tight = new TradingEngine(config({ risk: null }));
    tight.onBar(bar);
    tight.submitOrder({ symbol: 'AAA', side: 'buy', type: 'market', quantity: 99 }, bar.time);
    tight.markPrice({ symbol: 'AAA', price: 200, time: bar.time });
    expect(tight.availableCash()).toBe(10_000 - 99 * 200);
    expect(tight.portfolio().buyingPower).toBe(0);
    expect(tight.account().buyingPower.toString()).toBe('0');
  });
});

describe('TradingEngine risk state', () => {
  it('reports the session, start-of-day equity, limit, loss and whether entries stop', () => {
    const risk = { ...DEFAULT_RISK_CONFIG, enforceMarketHours: false, maxPositionPct: 100 };
    const engine = new TradingEngine(config({ risk }));
    expect(engine.riskState()).toEqual({
      sessionDate: null,
      startOfDayEquity: 0,
      dayPnl: 0,
      dailyLossLimit: 0,
      dailyLoss: 0,
      breached: false,
      entriesBlocked: false,
      openPositions: 0,
      dayTradeCount: 0,
      dayTradeWindow: null,
    });
    const bars = dailyBars('AAA', [100, 100, 90]);
    engine.onBar(bars[0]);
    engine.submitOrder({ symbol: 'AAA', side: 'buy', type: 'market', quantity: 90 }, bars[0].time);
    engine.onBar(bars[1]);
    engine.takeOutput();
    engine.onBar(bars[2]);
    engine.takeOutput();
    expect(engine.riskState()).toEqual({
      sessionDate: '2024-01-04',
      startOfDayEquity: 10_000,
      dayPnl: -900,
      dailyLossLimit: 500,
      dailyLoss: 900,
      breached: true,
      entriesBlocked: true,
      openPositions: 1,
      dayTradeCount: 0,
      dayTradeWindow: { from: '2023-12-28', to: '2024-01-04' },
    });
    const unguarded = new TradingEngine(config({ risk: null }));
    unguarded.onBar(bars[0]);
    expect(unguarded.riskState()).toMatchObject({ dailyLossLimit: null, entriesBlocked: false });
  });
});

describe('TradingEngine snapshot of position openings', () => {
  it('keeps openings in the snapshot and derives them for older snapshots', () => {
    const { engine, times } = tradedEngine();
    const fills = engine.takeOutput().fills;
    const snapshot: EngineSnapshot = JSON.parse(JSON.stringify(engine.snapshot()));
    expect(snapshot.positionOpenings).toEqual([
      { symbol: 'AAA', openedAt: times[1], realizedPnl: '39' },
    ]);
    const opening = (e: TradingEngine) => {
      const [p] = e.account().positions;
      return [p.openedAt, p.realizedPnl.toString()];
    };
    expect(opening(new TradingEngine(engine.config, snapshot))).toEqual([times[1], '39']);

    const { positionOpenings: _, ...older } = snapshot;
    expect(opening(TradingEngine.restore(engine.config, older, fills))).toEqual([times[1], '39']);
    expect(opening(new TradingEngine(engine.config, older))).toEqual([times[1], '0']);
  });
});
