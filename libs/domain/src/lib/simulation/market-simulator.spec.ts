import fc from 'fast-check';
import { isOpen } from '../calendar/nyse-calendar';
import type { Bar } from '../market/bar';
import { intradayVolatility, SESSION_MINUTES } from './intraday-profile';
import { MarketSimulator } from './market-simulator';
import { DEFAULT_SIMULATED_WATCHLIST, symbolProfile } from './symbol-profiles';
import { syntheticMarketMinutes, syntheticMinuteBars } from './synthetic-bars';

const take = (symbol: string, seed: number, count: number): Bar[] => [
  ...syntheticMinuteBars(symbol, { seed, count }),
];

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function kurtosis(values: readonly number[]): number {
  const m = mean(values);
  const m2 = mean(values.map((v) => (v - m) ** 2));
  const m4 = mean(values.map((v) => (v - m) ** 4));
  return m4 / (m2 * m2);
}

function autocorrelation(values: readonly number[], lag: number): number {
  const m = mean(values);
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < values.length; i++) {
    denominator += (values[i] - m) ** 2;
    if (i >= lag) numerator += (values[i] - m) * (values[i - lag] - m);
  }
  return numerator / denominator;
}

describe('synthetic minute bars', () => {
  const sessions = 40;
  const bars = take('AAPL', 7, sessions * SESSION_MINUTES);
  /**
   * Intraday log returns (the first bar of each session, which carries the overnight gap, is left
   * out).
   */
  const intraday = bars.flatMap((bar, i) =>
    i % SESSION_MINUTES === 0
      ? []
      : [{ r: Math.log(bar.close / bar.open), minute: i % SESSION_MINUTES }],
  );

  it('is deterministic for a seed and differs between seeds', () => {
    expect(take('AAPL', 7, 2000)).toEqual(bars.slice(0, 2000));
    expect(take('AAPL', 8, 50)).not.toEqual(bars.slice(0, 50));
    const [first] = syntheticMarketMinutes(['SPY', 'AAPL'], { seed: 7, count: 1 });
    expect(first[1]).toEqual(bars[0]);
  });

  it('falls only in regular NYSE sessions, minute after minute, with consistent OHLCV', () => {
    expect(bars).toHaveLength(sessions * SESSION_MINUTES);
    const broken = bars.filter(
      (bar, i) =>
        !isOpen(bar.time) ||
        (i > 0 && bar.time <= bars[i - 1].time) ||
        bar.low > Math.min(bar.open, bar.close) ||
        bar.high < Math.max(bar.open, bar.close) ||
        !(bar.volume > 0),
    );
    expect(broken).toEqual([]);
  });

  it('has fat tails: the kurtosis of minute returns is well above the normal 3', () => {
    expect(kurtosis(intraday.map((x) => x.r))).toBeGreaterThan(4);
  });

  it(
    'clusters volatility: |returns| are positively ' +
      'autocorrelated once the intraday U is removed',
    () => {
      const deseasonalised = intraday.map(
        (x) => Math.abs(x.r) / intradayVolatility((x.minute + 0.5) / SESSION_MINUTES),
      );
      expect(autocorrelation(deseasonalised, 1)).toBeGreaterThan(0.05);
      expect(autocorrelation(deseasonalised, 5)).toBeGreaterThan(0.02);
    },
  );

  it('trades more (and moves more) in the first and last 30 minutes than at midday', () => {
    const byWindow = (from: number, to: number, pick: (bar: Bar, i: number) => number) =>
      mean(
        bars.flatMap((bar, i) =>
          i % SESSION_MINUTES >= from && i % SESSION_MINUTES < to ? [pick(bar, i)] : [],
        ),
      );
    const volume = (bar: Bar) => bar.volume;
    const range = (bar: Bar) => Math.log(bar.high / bar.low);
    const midday = [165, 225] as const;
    expect(byWindow(0, 30, volume)).toBeGreaterThan(1.5 * byWindow(...midday, volume));
    expect(byWindow(360, 390, volume)).toBeGreaterThan(1.5 * byWindow(...midday, volume));
    expect(byWindow(1, 30, range)).toBeGreaterThan(byWindow(...midday, range));
  });

  it('keeps the annualised volatility near the profile', () => {
    const dailyCloses = bars
      .filter((_, i) => i % SESSION_MINUTES === SESSION_MINUTES - 1)
      .map((b) => b.close);
    const minuteVol = Math.sqrt(mean(intraday.map((x) => x.r * x.r)));
    const annualised = minuteVol * Math.sqrt(252 * SESSION_MINUTES);
    expect(annualised).toBeGreaterThan(symbolProfile('AAPL').annualVolatility * 0.7);
    expect(annualised).toBeLessThan(symbolProfile('AAPL').annualVolatility * 1.4);
    expect(dailyCloses.every((c) => c > 0)).toBe(true);
  });
});

describe('MarketSimulator', () => {
  const start = Date.UTC(2025, 5, 2, 14, 30);

  it('quotes a bid below and an ask above every close, for any seed and symbol', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.stringMatching(/^[A-Z]{1,5}$/),
        (seed, symbol) => {
          const market = new MarketSimulator({ seed, symbols: [symbol], followMarketHours: false });
          for (let m = 0; m < 30; m++) {
            const [{ bar, quote, trade }] = market.step(start + m * 60_000);
            expect(quote.bid).toBeLessThan(bar.close);
            expect(quote.ask).toBeGreaterThan(bar.close);
            expect(trade.price).toBe(bar.close);
            expect(quote.time).toBeGreaterThan(bar.time);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('follows NYSE hours only when asked to', () => {
    const saturday = Date.UTC(2025, 5, 7, 15, 0);
    expect(
      new MarketSimulator({ seed: 1, symbols: ['SPY'], followMarketHours: true }).step(saturday),
    ).toEqual([]);
    expect(
      new MarketSimulator({ seed: 1, symbols: ['SPY'], followMarketHours: false }).step(saturday),
    ).toHaveLength(1);
  });

  it(
    'starts the default watchlist at its profile prices ' +
      'and keeps paths independent of the other symbols',
    () => {
      expect(DEFAULT_SIMULATED_WATCHLIST).toEqual(
        expect.arrayContaining(['SPY', 'QQQ', 'AAPL', 'MSFT', 'NVDA', 'TSLA']),
      );
      const alone = new MarketSimulator({ seed: 3, symbols: ['MSFT'], followMarketHours: false });
      const together = new MarketSimulator({
        seed: 3,
        symbols: [...DEFAULT_SIMULATED_WATCHLIST],
        followMarketHours: false,
      });
      const msftAlone = alone.step(start)[0].bar;
      const msftTogether = together.step(start).find((m) => m.bar.symbol === 'MSFT')?.bar;
      expect(msftTogether).toEqual(msftAlone);
      expect(Math.abs(msftAlone.open / symbolProfile('MSFT').startPrice - 1)).toBeLessThan(0.01);
    },
  );

  it('derives a stable, plausible profile for tickers it does not know', () => {
    const profile = symbolProfile('ZZZT');
    expect(symbolProfile('ZZZT')).toEqual(profile);
    expect(profile.startPrice).toBeGreaterThanOrEqual(10);
    expect(profile.startPrice).toBeLessThanOrEqual(500);
  });
});
