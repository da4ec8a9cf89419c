import fc from 'fast-check';
import type { FeeSchedule } from '../execution/fees';
import type { Fill } from '../ledger/fill';
import { Ledger } from '../ledger/ledger';
import type { Bar } from '../market/bar';
import { isOnQuantityStep } from '../money/rounding';
import type { OrderRequest } from '../orders/order-types';
import { DEFAULT_RISK_CONFIG } from '../risk/risk-config';
import { FIRST_DAY } from './testing/daily-bars';
import { TradingEngine } from './trading-engine';
import { DAY_MS } from '../calendar/calendar-date';

const SYMBOLS = ['AAA', 'BBB'] as const;
const START = 10_000;

const move = fc.record({
  gap: fc.double({ min: -0.08, max: 0.08, noNaN: true }),
  body: fc.double({ min: -0.08, max: 0.08, noNaN: true }),
  up: fc.double({ min: 0, max: 0.05, noNaN: true }),
  down: fc.double({ min: 0, max: 0.05, noNaN: true }),
});

const action = fc.oneof(
  fc.record({
    kind: fc.constant('submit' as const),
    symbol: fc.constantFrom(...SYMBOLS),
    side: fc.constantFrom<'buy' | 'sell'>('buy', 'sell'),
    type: fc.constantFrom<OrderRequest['type']>(
      'market',
      'limit',
      'stop',
      'stop_limit',
      'trailing_stop',
    ),
    amount: fc.oneof(
      fc.record({ quantity: fc.integer({ min: 1, max: 20_000_000 }).map((q) => q / 1e6) }),
      fc.record({ notional: fc.double({ min: 1, max: 2500, noNaN: true }) }),
    ),
    ratio: fc.double({ min: 0.9, max: 1.1, noNaN: true }),
    timeInForce: fc.constantFrom<'day' | 'gtc' | 'ioc'>('day', 'gtc', 'ioc'),
    bracket: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
);

const fees = fc.record<FeeSchedule>({
  percent: fc.constantFrom(0, 0.1, 0.5),
  perShare: fc.constantFrom(0, 0.005),
  perShareMinimum: fc.constantFrom(0, 1),
  flat: fc.constantFrom(0, 1),
  regulatory: fc.boolean(),
});

const scenario = fc.record({
  days: fc.array(
    fc.record({ moves: fc.tuple(move, move), actions: fc.array(action, { maxLength: 4 }) }),
    { minLength: 5, maxLength: 30 },
  ),
  fees,
  slippageBps: fc.constantFrom(0, 5, 50),
  riskOn: fc.boolean(),
});

type Move = { gap: number; body: number; up: number; down: number };
type Submit = Extract<typeof action extends fc.Arbitrary<infer A> ? A : never, { kind: 'submit' }>;

function nextBar(symbol: string, previousClose: number, time: number, m: Move): Bar {
  const open = Math.max(0.5, previousClose * (1 + m.gap));
  const close = Math.max(0.5, open * (1 + m.body));
  return {
    symbol,
    time,
    open,
    close,
    high: Math.max(open, close) * (1 + m.up),
    low: Math.min(open, close) * (1 - m.down),
    volume: 1000,
  };
}

function request(a: Submit, price: number): OrderRequest {
  const p = +(price * a.ratio).toFixed(4);
  const prices: Partial<OrderRequest> =
    a.type === 'limit'
      ? { limitPrice: p }
      : a.type === 'stop'
        ? { stopPrice: p }
        : a.type === 'stop_limit'
          ? { stopPrice: p, limitPrice: +(p * 1.01).toFixed(4) }
          : a.type === 'trailing_stop'
            ? { trailPercent: 5 }
            : {};
  const bracket =
    a.bracket && a.side === 'buy' && a.type === 'market'
      ? { stopLoss: +(price * 0.9).toFixed(4), takeProfit: +(price * 1.1).toFixed(4) }
      : {};
  return {
    symbol: a.symbol,
    side: a.side,
    type: a.type,
    timeInForce: a.timeInForce,
    ...a.amount,
    ...prices,
    ...bracket,
  };
}

describe('ledger invariants over random order sequences', () => {
  it(
    'never goes short or below zero cash, and the ' +
      'ledger rebuilt from its fills equals the live one',
    () => {
      let ordersSubmitted = 0;
      let filled = 0;
      fc.assert(
        fc.property(scenario, ({ days, fees: schedule, slippageBps, riskOn }) => {
          const engine = new TradingEngine({
            startingCash: START,
            strategies: { AAA: { name: 'ma-crossover', params: { fast: 2, slow: 4 } } },
            risk: riskOn
              ? {
                  ...DEFAULT_RISK_CONFIG,
                  maxPositionPct: 50,
                  enforceMarketHours: false,
                  defaultStopLossPct: 5,
                }
              : null,
            fees: schedule,
            slippageBps,
            sizing: { mode: 'auto' },
          });
          const fills: Fill[] = [];
          const closes: Record<string, number> = { AAA: 100, BBB: 40 };
          days.forEach((day, i) => {
            const time = FIRST_DAY + i * DAY_MS;
            SYMBOLS.forEach((symbol, k) => {
              const bar = nextBar(symbol, closes[symbol], time, day.moves[k]);
              closes[symbol] = bar.close;
              engine.onBar(bar);
            });
            for (const a of day.actions) {
              if (a.kind === 'cancel') {
                const open = engine.orders();
                if (open.length > 0) engine.cancelOrder(open[a.pick % open.length].id, time);
              } else {
                ordersSubmitted++;
                engine.submitOrder(request(a, closes[a.symbol]), time);
              }
            }
            const output = engine.takeOutput();
            fills.push(...output.fills);
            filled += output.fills.length;
            const book = engine.book;
            expect(book.cash.isNegative()).toBe(false);
            for (const p of book.positions()) expect(p.quantity).toBeGreaterThan(0);
            for (const f of fills) expect(isOnQuantityStep(f.quantity)).toBe(true);
            expect(Ledger.fromFills(START, fills).state()).toEqual(book.state());
            // Equal up to the 34-digit rounding of releasing cost basis on partial sells.
            const identity = book.realizedPnl
              .plus(book.unrealizedPnl())
              .plus(START)
              .minus(book.equityDecimal())
              .abs();
            expect(identity.lte(1e-18)).toBe(true);
          });
        }),
        { numRuns: 1000 },
      );
      expect(ordersSubmitted).toBeGreaterThan(5000);
      expect(filled).toBeGreaterThan(1000);
    },
  );
});
