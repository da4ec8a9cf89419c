import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  firstFillDifference,
  replay,
  type Fingerprint,
  type FillRow,
  type Pins,
  type Profile,
} from './testing/seeded-replay';

/**
 * Pins what seeded replays produce, down to the last decimal digit of the ledger and a digest of
 * every output (orders with their transitions, fills, round trips, decisions, equity points,
 * alerts), so that no optimisation of the engine can change a result without failing here. The
 * pinned values were recorded before the hot path was optimised; they change only with a deliberate
 * change of behaviour.
 *
 * So that a failure says what changed, every fill (with its realised P&L) and a digest of each kind
 * of output are pinned too, in replay-regression.pins.json: a mismatch names the first fill and
 * field that differ, or the kind of output. Re-record that file (only after a deliberate change)
 * with UPDATE_REPLAY_PINS=1.
 */

const PINS_FILE = join(__dirname, 'replay-regression.pins.json');

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
