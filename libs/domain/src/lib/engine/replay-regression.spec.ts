import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bar } from '../market/bar';
import { DEFAULT_RISK_CONFIG } from '../risk/risk-config';
import { syntheticMarketMinutes } from '../simulation/synthetic-bars';
import type { EngineConfig } from './engine-config';
import type { EngineOutput } from './engine-output';
import { TradingEngine } from './trading-engine';

/**
 * Pins what seeded replays produce, down to the last decimal digit of the ledger and a digest of every
 * output (orders with their transitions, fills, round trips, decisions, equity points, alerts), so that
 * no optimisation of the engine can change a result without failing here. The pinned values were
 * recorded before the hot path was optimised; they change only with a deliberate change of behaviour.
 *
 * So that a failure says what changed, every fill (with its realised P&L) and a digest of each kind
 * of output are pinned too, in replay-regression.pins.json: a mismatch names the first fill and field
 * that differ, or the kind of output. Re-record that file (only after a deliberate change) with
 * UPDATE_REPLAY_PINS=1.
 */

const SYMBOLS = ['SPY', 'AAPL', 'NVDA'];
const MINUTES = 6000;
const BARS: readonly Bar[] = [
  ...syntheticMarketMinutes(SYMBOLS, { seed: 11, count: MINUTES }),
].flat();

type Profile = 'defaults' | 'full' | 'manual';

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

/** Manual orders between bars: partial sells of a third of a position and limit buys, so that divisions and multi-leg round trips are pinned too. */
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

/** The figures of a replay; `digest` covers every output but the fills' P&L, and the final state. */
interface Fingerprint {
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
type FillRow = (string | number)[];

/** What is pinned besides the figures: every fill as a row of FILL_FIELDS, a digest per section. */
interface Pins {
  fills: FillRow[];
  sections: Record<Section, string>;
}

interface Replay {
  fingerprint: Fingerprint;
  pins: Pins;
}

const PINS_FILE = join(__dirname, 'replay-regression.pins.json');

const digestOf = (hash: ReturnType<typeof createHash>) => hash.digest('hex').slice(0, 16);

function replay(strategy: string, profile: Profile): Replay {
  const engine = new TradingEngine(config(strategy, profile));
  const hash = createHash('sha256');
  const sectionHashes = Object.fromEntries(SECTIONS.map((s) => [s, createHash('sha256')]));
  const counts = { fills: 0, roundTrips: 0, decisions: 0 };
  const fills: FillRow[] = [];
  const drain = () => {
    const output: EngineOutput = engine.takeOutput();
    const { orders, roundTrips, decisions, equity, alerts } = output;
    counts.fills += output.fills.length;
    counts.roundTrips += roundTrips.length;
    counts.decisions += decisions.length;
    // The outputs as they were when the digests were recorded, before fills carried their P&L.
    hash.update(
      JSON.stringify({ orders, fills: output.fills, roundTrips, decisions, equity, alerts }),
    );
    for (const section of SECTIONS) sectionHashes[section].update(JSON.stringify(output[section]));
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
function firstFillDifference(
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

function pinnedReplays(): Record<string, Pins> {
  return JSON.parse(readFileSync(PINS_FILE, 'utf8'));
}

const PINNED: Record<string, Fingerprint> = {
  'ma-crossover defaults': {
    fills: 673,
    roundTrips: 335,
    decisions: 673,
    cash: '172117.062507506235',
    realizedPnl: '-4117.734989083765',
    feesPaid: '0',
    equity: 245842.2687253062,
    digest: 'd847b7a74112d5c2',
  },
  'ma-crossover full': {
    fills: 673,
    roundTrips: 335,
    decisions: 672,
    cash: '165968.34408227250454724571',
    realizedPnl: '-12887.89577153749545275429',
    feesPaid: '8382.103512886476599',
    equity: 237073.5311646925,
    digest: 'c5249dd592d101ee',
  },
  'ma-crossover manual': {
    fills: 697,
    roundTrips: 336,
    decisions: 666,
    cash: '213002.50679324086323884864',
    realizedPnl: '-4075.706896659136761151360000000003',
    feesPaid: '1885.0621603542062319',
    equity: 245902.50057576087,
    digest: 'b54bbe3af1ba8bfc',
  },
  'rsi-mean-reversion defaults': {
    fills: 127,
    roundTrips: 62,
    decisions: 127,
    cash: '177858.050436556895',
    realizedPnl: '4028.272849204055',
    feesPaid: '0',
    equity: 253551.45240198693,
    digest: 'b7cced588d953802',
  },
  'rsi-mean-reversion full': {
    fills: 139,
    roundTrips: 68,
    decisions: 132,
    cash: '176510.29462927594360215',
    realizedPnl: '2114.11085030448360215',
    feesPaid: '1797.694971682296147',
    equity: 251640.83916457594,
    digest: '225325c121df33d9',
  },
  'rsi-mean-reversion manual': {
    fills: 158,
    roundTrips: 67,
    decisions: 125,
    cash: '218140.59771602501656884864',
    realizedPnl: '1062.38403044544656884864',
    feesPaid: '393.0605981528936019',
    equity: 250868.08592289503,
    digest: '96ed29673e2fce92',
  },
  'momentum-breakout defaults': {
    fills: 385,
    roundTrips: 192,
    decisions: 385,
    cash: '221304.230926961895',
    realizedPnl: '-4106.410129678105',
    feesPaid: '0',
    equity: 245863.8771976819,
    digest: 'e215c650183e0919',
  },
  'momentum-breakout full': {
    fills: 385,
    roundTrips: 192,
    decisions: 385,
    cash: '216964.195260940166284',
    realizedPnl: '-8927.332689659833716',
    feesPaid: '4843.620409693338716',
    equity: 241043.53571974018,
    digest: 'f93807973c86c38e',
  },
  'momentum-breakout manual': {
    fills: 419,
    roundTrips: 202,
    decisions: 393,
    cash: '234551.68037429101880274864',
    realizedPnl: '-3102.64970458898119725136',
    feesPaid: '1118.640814330245668',
    equity: 246882.43234453103,
    digest: 'ea9ceedc85011b29',
  },
  'mixed defaults': {
    fills: 416,
    roundTrips: 207,
    decisions: 416,
    cash: '197077.255879138325',
    realizedPnl: '-3653.263275191675',
    feesPaid: '0',
    equity: 246306.74349859834,
    digest: 'd3c332cf8290548c',
  },
  'mixed full': {
    fills: 416,
    roundTrips: 207,
    decisions: 414,
    cash: '192765.69660488508368317344',
    realizedPnl: '-9035.01028156491631682656',
    feesPaid: '5234.545956041738717',
    equity: 240925.86566746506,
    digest: '7d79e56b4ed53c2f',
  },
  'mixed manual': {
    fills: 452,
    roundTrips: 216,
    decisions: 424,
    cash: '222359.18855829324914124864',
    realizedPnl: '-2949.472104246750858751360000000003',
    feesPaid: '1209.7659550670703295',
    equity: 247030.48462337325,
    digest: 'f28df739fa3c5c77',
  },
};

describe('seeded replay regression', () => {
  if (process.env['UPDATE_REPLAY_PINS'] === '1') {
    it('records the pinned fills and sections', () => {
      const pins = Object.keys(PINNED).map((key) => {
        const [strategy, profile] = key.split(' ') as [string, Profile];
        return [key, replay(strategy, profile).pins];
      });
      writeFileSync(PINS_FILE, `${JSON.stringify(Object.fromEntries(pins))}\n`);
    });
    return;
  }

  it.each(Object.keys(PINNED))('%s gives the pinned fills, ledger and outputs', (key) => {
    const [strategy, profile] = key.split(' ') as [string, Profile];
    const expected = pinnedReplays()[key];
    const { fingerprint, pins } = replay(strategy, profile);
    expect(firstFillDifference(expected.fills, pins.fills)).toBeNull();
    expect(pins.sections).toEqual(expected.sections);
    expect(fingerprint).toEqual(PINNED[key]);
  });

  it('names the first fill and field that differ', () => {
    const pinned: FillRow[] = [
      ['F1', 'O1', 'SPY', 'buy', 1, 100, 0, 0, '0'],
      ['F2', 'O2', 'SPY', 'sell', 1, 101, 0, 60_000, '1'],
    ];
    const changed = [pinned[0], ['F2', 'O2', 'SPY', 'sell', 1, 101.5, 0, 60_000, '1.5']];
    expect(firstFillDifference(pinned, pinned)).toBeNull();
    expect(firstFillDifference(pinned, changed)).toBe('fill #2 (F2): price was 101, is 101.5');
    expect(firstFillDifference(pinned, pinned.slice(0, 1))).toBe(
      'fill #2 is missing (pinned F2): 1 fills, 2 pinned',
    );
  });
});
