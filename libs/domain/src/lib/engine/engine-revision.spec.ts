import fc from 'fast-check';
import { engineConfig as config, minuteBars } from './testing/engine-fixtures';
import { TradingEngine } from './trading-engine';

/**
 * The API keeps an account's valuation until `revision` moves, so every member that can change
 * what the account shows must move it, and no read may change it.
 */
const CHANGES = [
  'cancelOrder',
  'markPrice',
  'onBar',
  'onPrice',
  'scheduleCorporateActions',
  'submitOrder',
  'takeOutput',
  'warmUp',
];
const READS = [
  'account',
  'availableCash',
  'book',
  'openRoundTrips',
  'orders',
  'portfolio',
  'revision',
  'riskState',
  'snapshot',
  'tradingDate',
];
const PRIVATE = ['constructor', 'context', 'load'];

const SESSION = minuteBars('AAA', '2025-03-03', [100, 101, 99, 102, 98, 103, 97, 104]);

/** What the account shows and what the risk checks read. */
const shown = (engine: TradingEngine) =>
  JSON.stringify([engine.account(), engine.riskState(), engine.availableCash(), engine.orders()]);

describe('TradingEngine.revision', () => {
  it('classifies every member of the engine as a change or a read', () => {
    const members = Object.getOwnPropertyNames(TradingEngine.prototype).sort();
    expect(members).toEqual([...CHANGES, ...READS, ...PRIVATE].sort());
  });

  it('moves with every call that may change the state', () => {
    const engine = new TradingEngine(config());
    const [warm, bar, next] = SESSION;
    const calls: Record<string, () => unknown> = {
      warmUp: () => engine.warmUp([warm]),
      onBar: () => engine.onBar(bar),
      markPrice: () => engine.markPrice({ symbol: 'AAA', price: 101, time: bar.time + 1 }),
      submitOrder: () =>
        engine.submitOrder(
          { symbol: 'AAA', side: 'buy', type: 'limit', limitPrice: 90, quantity: 1 },
          bar.time,
        ),
      cancelOrder: () => engine.cancelOrder(engine.orders()[0].id, bar.time),
      onPrice: () => engine.onPrice({ symbol: 'AAA', price: 101, time: next.time }),
      scheduleCorporateActions: () =>
        engine.scheduleCorporateActions({ splits: [], dividends: [] }),
      takeOutput: () => engine.takeOutput(),
    };
    expect(Object.keys(calls).sort()).toEqual(CHANGES);
    for (const call of Object.values(calls)) {
      const before = engine.revision;
      call();
      expect(engine.revision).toBe(before + 1);
    }
  });

  it('never moves on a read, and a read never changes what the account shows', () => {
    type Step = { kind: 'bar' | 'mark' | 'buy' | 'sell' | 'cancel' | 'take' | 'read'; n: number };
    const step = fc.record({
      kind: fc.constantFrom('bar', 'mark', 'buy', 'sell', 'cancel', 'take', 'read'),
      n: fc.integer({ min: 0, max: 7 }),
    }) as fc.Arbitrary<Step>;
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const engine = new TradingEngine(config());
        let barIndex = 0;
        for (const { kind, n } of steps) {
          const time = SESSION[Math.max(0, barIndex - 1)].time;
          const before = { revision: engine.revision, shown: shown(engine) };
          if (kind === 'bar' && barIndex < SESSION.length) engine.onBar(SESSION[barIndex++]);
          if (kind === 'mark') engine.markPrice({ symbol: 'AAA', price: 95 + n, time });
          if (kind === 'buy' || kind === 'sell') {
            const limitPrice = 96 + n;
            engine.submitOrder(
              { symbol: 'AAA', side: kind, type: 'limit', limitPrice, quantity: 2 },
              time,
            );
          }
          if (kind === 'cancel' && engine.orders().length > 0)
            engine.cancelOrder(engine.orders()[n % engine.orders().length].id, time);
          if (kind === 'take') engine.takeOutput();
          if (kind === 'read') {
            engine.portfolio();
            engine.snapshot();
            engine.openRoundTrips();
          }
          if (engine.revision === before.revision) expect(shown(engine)).toBe(before.shown);
          if (kind === 'read') expect(engine.revision).toBe(before.revision);
        }
      }),
    );
  });
});
