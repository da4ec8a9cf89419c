import {
  addDays,
  type Bar,
  MINUTE_MS,
  newYorkDate,
  SeededRandom,
  session,
  symbolProfile,
  type SplitAction,
  SymbolSimulator,
  type TradingSession,
} from '@ptp/domain';

/** Daily prices are a walk from this date; any later day can be produced without generating the minutes before it. */
const ANCHOR_DATE = '2020-01-02';
const MAX_CACHED_DAYS = 2_000;

const scalePrice = (price: number, factor: number) => Math.round(price * factor * 10_000) / 10_000;

/**
 * The mock's market data: deterministic per (seed, symbol). Each session's open comes from a daily
 * random walk; its 1-minute bars come from the domain simulator seeded by the day, so a year of daily
 * bars costs a year of minutes only when asked for, and every request sees the same history.
 *
 * Prices are raw, like Polygon's snapshots and trades: from a split's `execution_date` on they are
 * on the new basis (÷ split_to/split_from). Aggregates may ask for them adjusted instead.
 */
export class MockMarketTape {
  private readonly dailyOpens = new Map<
    string,
    { dates: string[]; opens: number[]; random: SeededRandom }
  >();
  private readonly days = new Map<string, Bar[]>();
  /** The splits the mock announces (`/v3/reference/splits`): its raw prices jump at each. */
  splits: readonly SplitAction[] = [];

  constructor(
    private readonly seed: number,
    readonly symbols: ReadonlySet<string>,
  ) {}

  knows(symbol: string): boolean {
    return this.symbols.has(symbol);
  }

  /**
   * The regular-session minute bars of `symbol` on a New York date (empty on closed days): raw, or
   * split-adjusted as of the date `adjustedAsOf`.
   */
  dayBars(symbol: string, date: string, adjustedAsOf?: string): Bar[] {
    const key = `${symbol}|${date}`;
    let bars = this.days.get(key);
    if (!bars) {
      const today = session(date);
      bars = today ? this.simulateDay(symbol, date, today) : [];
      if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
      this.days.set(key, bars);
    }
    const basis = adjustedAsOf !== undefined && adjustedAsOf > date ? adjustedAsOf : date;
    const factor = this.splits
      .filter((s) => s.ticker === symbol && s.execution_date <= basis)
      .reduce((f, s) => (f * s.split_from) / s.split_to, 1);
    if (factor === 1) return bars;
    return bars.map((bar) => ({
      ...bar,
      open: scalePrice(bar.open, factor),
      high: scalePrice(bar.high, factor),
      low: scalePrice(bar.low, factor),
      close: scalePrice(bar.close, factor),
      volume: Math.round(bar.volume / factor),
    }));
  }

  /** Minute bars starting in [from, to], the ones completed by `now` only (adjusted as of `now` if asked). */
  minuteBars(symbol: string, from: number, to: number, now: number, adjusted = false): Bar[] {
    const bars: Bar[] = [];
    const last = Math.min(to, now - MINUTE_MS);
    const asOf = adjusted ? newYorkDate(now) : undefined;
    for (let date = newYorkDate(from); date <= newYorkDate(last); date = addDays(date, 1)) {
      for (const bar of this.dayBars(symbol, date, asOf))
        if (bar.time >= from && bar.time <= last) bars.push(bar);
    }
    return bars;
  }

  /** The newest completed minute at `now`, searching back over closed days. */
  lastMinute(symbol: string, now: number): Bar | null {
    for (let i = 0, date = newYorkDate(now); i < 15; i++, date = addDays(date, -1)) {
      const completed = this.dayBars(symbol, date).filter((bar) => bar.time + MINUTE_MS <= now);
      if (completed.length > 0) return completed[completed.length - 1];
    }
    return null;
  }

  private simulateDay(symbol: string, date: string, today: TradingSession): Bar[] {
    const profile = { ...symbolProfile(symbol), startPrice: this.openOn(symbol, date) };
    const simulator = new SymbolSimulator(profile, this.seed + hashDate(date));
    const minutes = (today.close - today.open) / MINUTE_MS;
    return Array.from({ length: minutes }, (_, i) =>
      simulator.nextBar(today.open + i * MINUTE_MS, (i + 0.5) / minutes),
    );
  }

  private openOn(symbol: string, date: string): number {
    let walk = this.dailyOpens.get(symbol);
    if (!walk) {
      walk = {
        dates: [ANCHOR_DATE],
        opens: [symbolProfile(symbol).startPrice],
        random: new SeededRandom(`${this.seed}:${symbol}:daily`),
      };
      this.dailyOpens.set(symbol, walk);
    }
    const profile = symbolProfile(symbol);
    // One step per calendar day; weekends and holidays move too, like news over a closed market.
    const dailyVol = profile.annualVolatility / Math.sqrt(365);
    while (walk.dates[walk.dates.length - 1] < date) {
      const next =
        walk.opens[walk.opens.length - 1] *
        Math.exp(
          profile.annualDrift / 365 - (dailyVol * dailyVol) / 2 + dailyVol * walk.random.normal(),
        );
      walk.dates.push(addDays(walk.dates[walk.dates.length - 1], 1));
      walk.opens.push(next);
    }
    const index = walk.dates.indexOf(date);
    return Math.round(walk.opens[index < 0 ? 0 : index] * 100) / 100;
  }
}

function hashDate(date: string): number {
  return Number(date.replaceAll('-', ''));
}
