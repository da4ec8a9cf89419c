import {
  type CorporateActions,
  DEFAULT_RISK_CONFIG,
  NO_FEES,
  newYorkWallTimeToUtc,
  TradingEngine,
} from '@ptp/domain';
import {
  CorporateActionFeed,
  type CorporateActionHost,
  scheduleUpcoming,
} from './corporate-action-feed';

const split = (date: string) => ({
  ticker: 'AAPL',
  execution_date: date,
  split_from: 1,
  split_to: 2,
});
const dividend = (date: string) => ({
  ticker: 'AAPL',
  cash_amount: 1,
  ex_dividend_date: date,
  pay_date: date,
});

function engineOn(date: string): TradingEngine {
  const engine = new TradingEngine({
    startingCash: 10_000,
    strategies: {},
    risk: { ...DEFAULT_RISK_CONFIG, enforceMarketHours: false, maxPositionPct: 100 },
    fees: NO_FEES,
    slippageBps: 0,
    sizing: { mode: 'auto' },
  });
  engine.markPrice({ symbol: 'AAPL', price: 100, time: newYorkWallTimeToUtc(date, 10 * 60) });
  return engine;
}

describe('scheduleUpcoming', () => {
  it('gives the engine only actions after its trading day, and says when one was new', () => {
    const engine = engineOn('2025-06-10');
    const known = new Set<string>();
    const actions: CorporateActions = {
      splits: [split('2025-06-10'), split('2025-06-12')],
      dividends: [dividend('2025-06-09'), dividend('2025-06-11')],
    };
    expect(scheduleUpcoming(engine, actions, known)).toBe(true);
    expect(engine.snapshot().corporateActions?.pending).toEqual({
      splits: [split('2025-06-12')],
      dividends: [dividend('2025-06-11')],
    });
    expect(scheduleUpcoming(engine, actions, known)).toBe(false);
    expect(engine.takeOutput().activities).toEqual([]);
  });
});

describe('CorporateActionFeed', () => {
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  function host(symbols: Map<string, string[]>) {
    const asked: string[][] = [];
    const scheduled: string[] = [];
    const warnings: string[] = [];
    let failing = false;
    const fake: CorporateActionHost = {
      accountIds: () => [...symbols.keys()],
      symbolsOf: (accountId) => symbols.get(accountId) ?? null,
      actionsOf: async (list) => {
        asked.push([...list]);
        if (failing) throw new Error('upstream down');
        return { splits: list.map(() => split('2025-06-12')), dividends: [] };
      },
      schedule: async (accountId) => {
        scheduled.push(accountId);
      },
      warn: (message) => warnings.push(message),
    };
    return { fake, asked, scheduled, warnings, fail: (on: boolean) => (failing = on) };
  }

  it('asks again only for an account trading a symbol its last refresh did not cover', async () => {
    const symbols = new Map([['a1', ['AAPL']]]);
    const { fake, asked, scheduled } = host(symbols);
    const feed = new CorporateActionFeed(fake);
    feed.wanted('a1');
    await settle();
    feed.wanted('a1');
    await settle();
    expect(asked).toEqual([['AAPL']]);
    symbols.set('a1', ['AAPL', 'MSFT']);
    feed.wanted('a1');
    await settle();
    expect(asked).toEqual([['AAPL'], ['AAPL', 'MSFT']]);
    expect(scheduled).toEqual(['a1', 'a1']);
  });

  it('logs a failed refresh and schedules nothing; the next refresh tries again', async () => {
    const { fake, scheduled, warnings, fail } = host(new Map([['a1', ['AAPL']]]));
    const feed = new CorporateActionFeed(fake);
    fail(true);
    feed.refresh('a1');
    await settle();
    expect(scheduled).toEqual([]);
    expect(warnings).toEqual(['corporate actions of account a1 not scheduled: upstream down']);
    fail(false);
    feed.refresh('a1');
    await settle();
    expect(scheduled).toEqual(['a1']);
  });

  it('still lets an account without symbols write what a new day applied, without asking anyone', async () => {
    const { fake, asked, scheduled } = host(new Map([['a1', []]]));
    const feed = new CorporateActionFeed(fake);
    feed.refresh('a1');
    await settle();
    expect([asked, scheduled]).toEqual([[], ['a1']]);
  });
});
