import fc from 'fast-check';
import { addDays } from '../calendar/calendar-date';
import { isTradingDay } from '../calendar/nyse-calendar';
import type { Fill } from '../ledger/fill';
import {
  DayTradeCounter,
  dayTradeWindowStart,
  patternDayTraderCheck,
  PDT_EQUITY_FLOOR,
} from './day-trades';
import { DEFAULT_RISK_CONFIG } from './risk-config';

const RULE_ON = { ...DEFAULT_RISK_CONFIG, patternDayTrader: true };
let fillId = 0;
const fill = (side: 'buy' | 'sell', orderId: string, quantity = 10, symbol = 'AAA'): Fill => ({
  id: `f${++fillId}`,
  orderId,
  symbol,
  side,
  quantity,
  price: 10,
  commission: 0,
  time: 0,
});

/** Three day trades on 2026-03-02 (a Monday): buy then sell AAA, BBB and CCC. */
function threeDayTrades(): DayTradeCounter {
  const counter = new DayTradeCounter();
  counter.startDay('2026-03-02');
  for (const symbol of ['AAA', 'BBB', 'CCC']) {
    counter.record(fill('buy', `b-${symbol}`, 10, symbol), false);
    counter.record(fill('sell', `s-${symbol}`, 10, symbol), false);
  }
  return counter;
}

describe('dayTradeWindowStart', () => {
  it('goes back four NYSE trading days, skipping weekends and holidays', () => {
    expect(dayTradeWindowStart('2026-03-06')).toBe('2026-03-02'); // Mon–Fri
    expect(dayTradeWindowStart('2026-03-09')).toBe('2026-03-03'); // over a weekend
    // Good Friday 2026-04-03 is not a trading day.
    expect(dayTradeWindowStart('2026-04-08')).toBe('2026-04-01');
  });
});

describe('DayTradeCounter', () => {
  it('counts a sell order that closes shares bought the same day, once however many fills', () => {
    const counter = new DayTradeCounter();
    counter.startDay('2026-03-02');
    counter.record(fill('buy', 'b1', 10), false);
    counter.record(fill('sell', 's1', 4), true);
    counter.record(fill('sell', 's1', 4), false);
    expect(counter.count).toBe(1);
    counter.record(fill('sell', 's2', 2), false);
    expect(counter.count).toBe(2);
    expect(counter.wouldDayTrade('AAA')).toBe(false);
  });

  it('does not count selling what was bought on an earlier day', () => {
    const counter = new DayTradeCounter();
    counter.startDay('2026-03-02');
    counter.record(fill('buy', 'b1'), false);
    counter.startDay('2026-03-03');
    expect(counter.wouldDayTrade('AAA')).toBe(false);
    counter.record(fill('sell', 's1'), false);
    expect(counter.count).toBe(0);
  });

  it('lets day trades drop out after five business days', () => {
    const counter = threeDayTrades();
    counter.startDay('2026-03-06');
    expect(counter.count).toBe(3);
    expect(counter.window()).toEqual({ from: '2026-03-02', to: '2026-03-06' });
    counter.startDay('2026-03-09');
    expect(counter.count).toBe(0);
    expect(counter.window()).toEqual({ from: '2026-03-03', to: '2026-03-09' });
  });

  it('keeps a saved state whose size does not grow with the day trades it counts', () => {
    const counter = new DayTradeCounter();
    counter.startDay('2026-03-02');
    for (let i = 0; i < 200; i++) {
      counter.record(fill('buy', `b${i}`), false);
      counter.record(fill('sell', `s${i}`, 4), true);
      counter.record(fill('sell', `s${i}`, 6), false);
    }
    expect(counter.count).toBe(200);
    expect(counter.state()).toEqual({
      date: '2026-03-02',
      boughtToday: {},
      days: [{ date: '2026-03-02', count: 200 }],
      countedWorking: [],
    });
  });

  it('carries on exactly from its saved state', () => {
    const counter = threeDayTrades();
    counter.record(fill('buy', 'b4'), false);
    const restored = new DayTradeCounter(JSON.parse(JSON.stringify(counter.state())));
    expect(restored.count).toBe(3);
    expect(restored.wouldDayTrade('AAA')).toBe(true);
    expect(restored.state()).toEqual(counter.state());
  });

  it('never counts more day trades than sell orders, nor any on a day without buys', () => {
    const event = fc.oneof(
      fc.record({ kind: fc.constant('day' as const) }),
      fc.record({
        kind: fc.constantFrom('buy' as const, 'sell' as const),
        symbol: fc.constantFrom('AAA', 'BBB'),
        quantity: fc.integer({ min: 1, max: 20 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        const counter = new DayTradeCounter();
        let day = Date.UTC(2026, 2, 2);
        counter.startDay('2026-03-02');
        const sells = new Set<string>();
        let buysToday = 0;
        events.forEach((e, i) => {
          if (e.kind === 'day') {
            day += 86_400_000;
            counter.startDay(new Date(day).toISOString().slice(0, 10));
            buysToday = 0;
            return;
          }
          const before = counter.count;
          counter.record(fill(e.kind, `o${i}`, e.quantity, e.symbol), false);
          if (e.kind === 'buy') buysToday++;
          else sells.add(`o${i}`);
          if (buysToday === 0) expect(counter.count).toBe(before);
        });
        expect(counter.count).toBeLessThanOrEqual(sells.size);
      }),
    );
  });

  it('counts the day trades of the window ending today, however seldom it is read (property)', () => {
    const day = fc.record({
      gap: fc.integer({ min: 1, max: 4 }),
      trades: fc.integer({ min: 0, max: 3 }),
      read: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 150 }), (days) => {
        const counter = new DayTradeCounter();
        const traded: { date: string; count: number }[] = [];
        let date = '2026-01-02';
        days.forEach(({ gap, trades, read }, i) => {
          for (let moved = 0; moved < gap;) {
            date = addDays(date, 1);
            if (isTradingDay(date)) moved++;
          }
          counter.startDay(date);
          for (let t = 0; t < trades; t++) {
            counter.record(fill('buy', `b${i}-${t}`), false);
            counter.record(fill('sell', `s${i}-${t}`), false);
          }
          if (trades > 0) traded.push({ date, count: trades });
          if (read) expect(counter.count).toBeGreaterThanOrEqual(trades);
        });
        const from = dayTradeWindowStart(date);
        const inWindow = traded.filter((d) => d.date >= from);
        expect(counter.state().days).toEqual(inWindow);
        expect(counter.count).toBe(inWindow.reduce((total, d) => total + d.count, 0));
      }),
      { numRuns: 200 },
    );
  });
});

describe('patternDayTraderCheck', () => {
  it('refuses a fourth day trade under the equity floor, with the count and the window', () => {
    const counter = threeDayTrades();
    counter.record(fill('buy', 'b4'), false);
    expect(patternDayTraderCheck(counter, RULE_ON, 'AAA', 10_000)).toEqual({
      code: 'RISK_PDT',
      limit: 3,
      requested: 4,
      message:
        'pattern-day-trader rule: 3 day trades in the last 5 business days (2026-02-24 to ' +
        '2026-03-02); selling AAA bought today would be another, and equity is under 25000',
      window: { from: '2026-02-24', to: '2026-03-02' },
    });
  });

  it('allows it when the rule is off, equity is at the floor, or the sell is no day trade', () => {
    const counter = threeDayTrades();
    counter.record(fill('buy', 'b4'), false);
    expect(patternDayTraderCheck(counter, DEFAULT_RISK_CONFIG, 'AAA', 10_000)).toBeNull();
    expect(patternDayTraderCheck(counter, RULE_ON, 'AAA', PDT_EQUITY_FLOOR)).toBeNull();
    expect(patternDayTraderCheck(counter, RULE_ON, 'BBB', 10_000)).toBeNull();
    expect(patternDayTraderCheck(counter, null, 'AAA', 10_000)).toBeNull();
  });
});
