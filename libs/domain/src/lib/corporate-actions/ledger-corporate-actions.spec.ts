import fc from 'fast-check';
import type { Fill } from '../ledger/fill';
import { Ledger } from '../ledger/ledger';
import { ExactDecimal } from '../money/exact-decimal';
import type { CorporateActivity } from './corporate-action-types';
import { replayActivity } from './replay-activity';

const START = 50_000;
const SYMBOLS = ['AAA', 'BBB'] as const;
const RATIOS: readonly [number, number][] = [
  [1, 2],
  [1, 3],
  [2, 3],
  [3, 2],
  [3, 1],
  [10, 1],
  [1, 10],
  [1, 4],
  [7, 1],
];

const op = fc.oneof(
  fc.record({
    kind: fc.constant('buy' as const),
    symbol: fc.constantFrom(...SYMBOLS),
    steps: fc.integer({ min: 1, max: 50_000_000 }),
    cents: fc.integer({ min: 100, max: 50_000 }),
  }),
  fc.record({
    kind: fc.constant('sell' as const),
    symbol: fc.constantFrom(...SYMBOLS),
    share: fc.double({ min: 0.01, max: 1, noNaN: true }),
    cents: fc.integer({ min: 100, max: 50_000 }),
  }),
  fc.record({
    kind: fc.constant('split' as const),
    symbol: fc.constantFrom(...SYMBOLS),
    ratio: fc.constantFrom(...RATIOS),
  }),
  fc.record({
    kind: fc.constant('dividend' as const),
    symbol: fc.constantFrom(...SYMBOLS),
    cents: fc.integer({ min: 1, max: 300 }),
  }),
  fc.record({ kind: fc.constant('pay' as const) }),
  fc.record({
    kind: fc.constant('mark' as const),
    symbol: fc.constantFrom(...SYMBOLS),
    cents: fc.integer({ min: 100, max: 50_000 }),
  }),
);

type Entry = Fill | CorporateActivity;

function identityGap(ledger: Ledger): number {
  return ledger.realizedPnl
    .plus(ledger.unrealizedPnl())
    .plus(START)
    .minus(ledger.equityDecimal())
    .abs()
    .toNumber();
}

describe('the ledger over random fills, splits and dividends', () => {
  it('reconciles, rebuilds from its entries and keeps equity continuous across splits', () => {
    let splits = 0;
    let dividends = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const ledger = new Ledger(START);
        const entries: Entry[] = [];
        const unpaid: string[] = [];
        ops.forEach((o, i) => {
          const id = `E${i}`;
          if (o.kind === 'buy' || o.kind === 'sell') {
            const held = Math.round(ledger.quantity(o.symbol) * 1e6);
            const steps = o.kind === 'buy' ? o.steps : Math.floor(held * o.share);
            const price = o.cents / 100;
            if (steps === 0) return;
            if (o.kind === 'buy' && (steps / 1e6) * price > ledger.cashAsNumber - 1) return;
            const fill: Fill = {
              ...{ id, orderId: id, symbol: o.symbol, side: o.kind, price, commission: 0 },
              quantity: steps / 1e6,
              time: i,
            };
            ledger.applyFill(fill);
            entries.push(fill);
          } else if (o.kind === 'mark') {
            if (ledger.quantity(o.symbol) > 0) ledger.mark(o.symbol, o.cents / 100);
          } else if (o.kind === 'split') {
            const [from, to] = o.ratio;
            const before = ledger.equityDecimal();
            const mark = ledger.lastPrice(o.symbol);
            const moved = ledger.applySplit(o.symbol, from, to);
            if (!moved) return;
            splits++;
            // Only the sliver below one quantity step (at the new price) may be lost.
            const sliver = ((mark as number) * from) / to / 1e6;
            const jump = before.minus(ledger.equityDecimal()).toNumber();
            expect(jump).toBeGreaterThanOrEqual(-1e-9);
            expect(jump).toBeLessThanOrEqual(sliver + 1e-9);
            entries.push({
              ...{ id, type: 'split', symbol: o.symbol, time: i, date: '2024-01-02' },
              ...{ splitFrom: from, splitTo: to },
              quantityBefore: moved.before.toFixed(),
              quantityAfter: moved.after.toFixed(),
            });
          } else if (o.kind === 'dividend') {
            const held = ledger.exactPositions().find((p) => p.symbol === o.symbol)?.quantity;
            if (!held) return;
            dividends++;
            const cashAmount = o.cents / 100;
            const amount = held.times(ExactDecimal.fromNumber(cashAmount)).toFixed();
            const before = ledger.equityDecimal();
            ledger.bookDividend('accrued', ExactDecimal.parse(amount));
            expect(ledger.equityDecimal().minus(before).toFixed()).toBe(amount);
            unpaid.push(amount);
            entries.push({
              ...{ id, type: 'dividend', phase: 'accrued', symbol: o.symbol, time: i },
              ...{ exDate: '2024-01-02', payDate: '2024-01-09', cashAmount, amount },
              quantity: held.toFixed(),
            });
          } else {
            for (const amount of unpaid.splice(0)) {
              const equity = ledger.equityDecimal();
              ledger.bookDividend('paid', ExactDecimal.parse(amount));
              expect(ledger.equityDecimal().eq(equity)).toBe(true);
              entries.push({
                ...{ id: `${id}-${amount}`, type: 'dividend', phase: 'paid', symbol: 'AAA' },
                ...{ time: i, exDate: '2024-01-02', payDate: '2024-01-09', cashAmount: 0 },
                ...{ quantity: '0', amount },
              });
            }
          }
          expect(ledger.cash.isNegative()).toBe(false);
          expect(identityGap(ledger)).toBeLessThanOrEqual(1e-12);
        });
        const rebuilt = new Ledger(START);
        for (const entry of entries) {
          if ('type' in entry) replayActivity(rebuilt, entry);
          else rebuilt.applyFill(entry);
        }
        expect(rebuilt.state()).toEqual(ledger.state());
      }),
      { numRuns: 1000 },
    );
    expect(splits).toBeGreaterThan(150);
    expect(dividends).toBeGreaterThan(150);
  });

  it('refuses to pay more than is receivable, changing nothing', () => {
    const ledger = new Ledger(1000);
    ledger.bookDividend('accrued', ExactDecimal.parse('5'));
    expect(() => ledger.bookDividend('paid', ExactDecimal.parse('5.01'))).toThrow(/receivable/);
    expect(ledger.state()).toEqual({
      cash: '1000',
      realizedPnl: '5',
      feesPaid: '0',
      dividendsReceivable: '5',
      positions: [],
    });
  });

  it('a replayed split that moves a different quantity is refused', () => {
    const ledger = new Ledger(1000);
    const fill = { id: 'F1', orderId: 'O1', symbol: 'AAA', side: 'buy', price: 10 } as const;
    ledger.applyFill({ ...fill, quantity: 3, commission: 0, time: 1 });
    const split = { id: 'A1', type: 'split', symbol: 'AAA', time: 2, date: '2024-01-03' } as const;
    const activity = {
      ...split,
      splitFrom: 1,
      splitTo: 2,
      quantityBefore: '4',
      quantityAfter: '8',
    };
    expect(() => replayActivity(ledger, activity)).toThrow(/held 3/);
  });
});
