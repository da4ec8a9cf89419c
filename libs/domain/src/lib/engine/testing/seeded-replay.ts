import { createHash } from 'node:crypto';
import type { Bar } from '../../market/bar';
import { DEFAULT_RISK_CONFIG } from '../../risk/risk-config';
import { syntheticMarketMinutes } from '../../simulation/synthetic-bars';
import type { EngineConfig } from '../engine-config';
import type { EngineOutput } from '../engine-output';
import { TradingEngine } from '../trading-engine';

// The seeded replays replay-regression.spec.ts pins, and how a mismatch of their fills is named.

const SYMBOLS = ['SPY', 'AAPL', 'NVDA'];
const MINUTES = 6000;
const BARS: readonly Bar[] = [
  ...syntheticMarketMinutes(SYMBOLS, { seed: 11, count: MINUTES }),
].flat();

export type Profile = 'defaults' | 'full' | 'manual';

function config(strategy: string, profile: Profile): EngineConfig {
  const base: EngineConfig = {
    startingCash: 250_000,
    strategies: Object.fromEntries(SYMBOLS.map((symbol) => [symbol, { name: strategy }])),
    risk: DEFAULT_RISK_CONFIG,
    fees: { percent: 0, perShare: 0, perShareMinimum: 0, flat: 0, regulatory: false },
    slippageBps: 5,
    sizing: { mode: 'auto' },
  };
  if (profile === 'defaults') return base;
  if (profile === 'full') {
    return {
      ...base,
      risk: { ...DEFAULT_RISK_CONFIG, defaultStopLossPct: 2, defaultTakeProfitPct: 4 },
      fees: { ...base.fees, percent: 0.05, regulatory: true },
    };
  }
  return {
    ...base,
    risk: { ...DEFAULT_RISK_CONFIG, maxPositionPct: 30 },
    fees: { percent: 0.01, perShare: 0.004, perShareMinimum: 1, flat: 0.35, regulatory: true },
    sizing: { mode: 'notional', notional: 12_345.67 },
  };
}

/**
 * Manual orders between bars: partial sells of a third of a position and limit buys, so that
 * divisions and multi-leg round trips are pinned too.
 */
function manualOrders(engine: TradingEngine, bar: Bar, index: number): void {
  if (index % 997 === 0) {
    const held = engine.book.quantity(bar.symbol);
    if (held > 0)
      engine.submitOrder(
        {
          symbol: bar.symbol,
          side: 'sell',
          type: 'market',
          quantity: Math.floor((held / 3) * 1e6) / 1e6,
        },
        bar.time,
      );
  }
  if (index % 1499 === 0)
    engine.submitOrder(
      {
        symbol: bar.symbol,
        side: 'buy',
        type: 'limit',
        notional: 3_333.33,
        limitPrice: bar.close * 0.999,
        timeInForce: 'day',
      },
      bar.time,
    );
  if (index % 2503 === 0)
    engine.submitOrder(
      {
        symbol: bar.symbol,
        side: 'buy',
        type: 'market',
        quantity: 7.123457,
        stopLoss: bar.close * 0.99,
        takeProfit: bar.close * 1.01,
      },
      bar.time,
    );
}

/**
 * The figures of a replay; `digest` covers every output but the fills' P&L, and the final state.
 */
export interface Fingerprint {
  fills: number;
  roundTrips: number;
  decisions: number;
  cash: string;
  realizedPnl: string;
  feesPaid: string;
  equity: number;
  digest: string;
}

const SECTIONS = ['orders', 'roundTrips', 'decisions', 'equity', 'alerts'] as const;
type Section = (typeof SECTIONS)[number];

const FILL_FIELDS = [
  'id',
  'orderId',
  'symbol',
  'side',
  'quantity',
  'price',
  'commission',
  'time',
  'realizedPnl',
] as const;
export type FillRow = (string | number)[];

/** What is pinned besides the figures: every fill as a row of FILL_FIELDS, a digest per section. */
export interface Pins {
  fills: FillRow[];
  sections: Record<Section, string>;
}

interface Replay {
  fingerprint: Fingerprint;
  pins: Pins;
}

const digestOf = (hash: ReturnType<typeof createHash>) => hash.digest('hex').slice(0, 16);

export function replay(strategy: string, profile: Profile): Replay {
  const engine = new TradingEngine(config(strategy, profile));
  const hash = createHash('sha256');
  const sectionHashes = Object.fromEntries(SECTIONS.map((s) => [s, createHash('sha256')]));
  const counts = { fills: 0, roundTrips: 0, decisions: 0 };
  const fills: FillRow[] = [];
  const drain = () => {
    const output: EngineOutput = engine.takeOutput();
    const { orders, roundTrips, decisions, alerts } = output;
    // Equity as the points the engine output carried when the digests were recorded.
    const equity = output.equity.times.map((time, i) => ({
      time,
      equity: output.equity.values[i],
    }));
    counts.fills += output.fills.length;
    counts.roundTrips += roundTrips.length;
    counts.decisions += decisions.length;
    // The outputs as they were when the digests were recorded, before fills carried their P&L.
    hash.update(
      JSON.stringify({ orders, fills: output.fills, roundTrips, decisions, equity, alerts }),
    );
    const pinned = { orders, roundTrips, decisions, equity, alerts };
    for (const section of SECTIONS) sectionHashes[section].update(JSON.stringify(pinned[section]));
    output.fills.forEach((fill, i) => {
      const row = { ...fill, realizedPnl: output.fillPnl[i] };
      fills.push(FILL_FIELDS.map((field) => row[field]));
    });
  };
  BARS.forEach((bar, i) => {
    engine.onBar(bar);
    if (profile === 'manual') manualOrders(engine, bar, i);
    if (i % 500 === 499) drain();
  });
  drain();
  const state = engine.book.state();
  hash.update(JSON.stringify(state));
  hash.update(JSON.stringify(engine.openRoundTrips()));
  const sections = Object.fromEntries(SECTIONS.map((s) => [s, digestOf(sectionHashes[s])]));
  return {
    fingerprint: {
      ...counts,
      cash: state.cash,
      realizedPnl: state.realizedPnl,
      feesPaid: state.feesPaid,
      equity: engine.portfolio().equity,
      digest: digestOf(hash),
    },
    pins: { fills, sections: sections as Record<Section, string> },
  };
}

/** The first fill that differs from the pinned ones, as "fill #n (id): field expected x, got y". */
export function firstFillDifference(
  expected: readonly FillRow[],
  actual: readonly FillRow[],
): string | null {
  for (let n = 0; n < Math.max(expected.length, actual.length); n++) {
    const want = expected[n];
    const got = actual[n];
    if (!want || !got) {
      const which = want ? `missing (pinned ${want[0]})` : `extra (${got[0]})`;
      return `fill #${n + 1} is ${which}: ${actual.length} fills, ${expected.length} pinned`;
    }
    const field = FILL_FIELDS.findIndex((_, f) => want[f] !== got[f]);
    if (field >= 0) {
      const name = FILL_FIELDS[field];
      return `fill #${n + 1} (${want[0]}): ${name} was ${want[field]}, is ${got[field]}`;
    }
  }
  return null;
}
