import fc from 'fast-check';
import { addDays, MINUTE_MS } from '../calendar/calendar-date';
import { newYorkWallTimeToUtc } from '../calendar/new-york-time';
import { MarketSimulator } from './market-simulator';
import {
  NO_SIMULATED_CORPORATE_ACTIONS,
  simulatedCorporateActions,
} from './simulated-corporate-actions';

const BOTH = { splits: true, dividends: true };
const SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'TSLA', 'SPY'];

describe('simulatedCorporateActions', () => {
  it('announces nothing unless switched on', () => {
    const none = simulatedCorporateActions(42, SYMBOLS, '2020-01-01', '2030-01-01', {
      ...NO_SIMULATED_CORPORATE_ACTIONS,
    });
    expect(none).toEqual({ splits: [], dividends: [] });
  });

  it('gives the same actions for a seed, other ones for another seed, whatever the window', () => {
    const year = simulatedCorporateActions(42, SYMBOLS, '2026-01-01', '2031-12-31', BOTH);
    expect(simulatedCorporateActions(42, SYMBOLS, '2026-01-01', '2031-12-31', BOTH)).toEqual(year);
    expect(simulatedCorporateActions(7, SYMBOLS, '2026-01-01', '2031-12-31', BOTH)).not.toEqual(
      year,
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 400 }), (a, n) => {
        const from = addDays('2026-01-01', a % 700);
        const to = addDays(from, n);
        const part = simulatedCorporateActions(42, SYMBOLS, from, to, BOTH);
        const inWindow = <T>(list: readonly T[], date: (x: T) => string) =>
          list.filter((x) => date(x) >= from && date(x) <= to);
        expect(part.splits).toEqual(inWindow(year.splits, (s) => s.execution_date));
        expect(part.dividends).toEqual(inWindow(year.dividends, (d) => d.ex_dividend_date));
      }),
      { numRuns: 60 },
    );
  });

  it('pays every symbol a quarterly cash dividend and splits some symbols now and then', () => {
    const { splits, dividends } = simulatedCorporateActions(
      42,
      SYMBOLS,
      '2026-01-01',
      '2031-12-31',
      BOTH,
    );
    for (const symbol of SYMBOLS) {
      const own = dividends.filter((d) => d.ticker === symbol);
      expect(own.length).toBeGreaterThanOrEqual(23);
      expect(own.every((d) => d.cash_amount > 0 && d.pay_date > d.ex_dividend_date)).toBe(true);
    }
    expect(splits.length).toBeGreaterThan(0);
    expect(splits.length).toBeLessThan(SYMBOLS.length * 6);
    expect(splits.every((s) => s.split_from !== s.split_to)).toBe(true);
  });
});

describe('MarketSimulator with splits', () => {
  const split = simulatedCorporateActions(42, SYMBOLS, '2026-01-05', '2031-12-31', {
    splits: true,
    dividends: false,
  }).splits[0];
  const minutesAround = (date: string) => {
    const start = newYorkWallTimeToUtc(addDays(date, -1), 15 * 60);
    return Array.from({ length: 24 * 60 }, (_, i) => start + i * MINUTE_MS);
  };
  const path = (splits: boolean | undefined) => {
    const market = new MarketSimulator({
      seed: 42,
      symbols: [split.ticker],
      followMarketHours: false,
      ...(splits === undefined ? {} : { splits }),
    });
    return minutesAround(split.execution_date).map((t) => market.step(t)[0].bar);
  };

  it('jumps by the split ratio at the first minute of the execution date', () => {
    const raw = path(true);
    const plain = path(undefined);
    const first = raw.findIndex((bar) => bar.time >= newYorkWallTimeToUtc(split.execution_date, 0));
    expect(raw.slice(0, first)).toEqual(plain.slice(0, first));
    const ratio = split.split_to / split.split_from;
    const jump = raw[first].open / raw[first - 1].close;
    const unsplit = plain[first].open / plain[first - 1].close;
    expect(jump * ratio).toBeCloseTo(unsplit, 2);
  });

  it('gives the very same path with splits off as without the option', () => {
    expect(path(false)).toEqual(path(undefined));
  });
});
