import type { MarketTimespan } from '@ptp/contracts';
import {
  type Bar,
  type CorporateActions,
  MarketSimulator,
  MINUTE_MS,
  NO_SIMULATED_CORPORATE_ACTIONS,
  type SimulatedCorporateActionsOptions,
  simulatedCorporateActions,
  type SimulatedMinute,
} from '@ptp/domain';
import type { Observable } from 'rxjs';
import { aggregateBars } from '../bars/aggregate-bars';
import { BarFeed } from '../bars/bar-feed';
import type { Clock } from '../provider/clock';
import {
  MarketDataProvider,
  type ProviderHealth,
  type ProviderMarketStatus,
  type QuoteBatch,
} from '../provider/market-data.provider';

export interface SimulatedMarketOptions {
  readonly seed: number;
  /** Simulated minutes per wall-clock minute. */
  readonly speed: number;
  readonly followMarketHours: boolean;
  /** Minutes of history generated at start-up so charts and indicators are ready at once. */
  readonly backfillBars: number;
  readonly symbols: readonly string[];
  /** The tickers it accepts (the shipped list of US equities and ETFs). */
  readonly listed: ReadonlySet<string>;
  /** Seeded splits (prices jump at them) and quarterly dividends; both off by default. */
  readonly corporateActions?: SimulatedCorporateActionsOptions;
}

/** Bars kept per symbol beyond the backfill (about two weeks of sessions). */
const LIVE_HISTORY = 4_000;
/** How far back start-up may search for trading minutes to backfill (covers long weekends). */
const MAX_BACKFILL_SEARCH_MINUTES = 21 * 24 * 60;
/** Bounds the work of one timer tick when the process was suspended or the speed is huge. */
const MAX_MINUTES_PER_TICK = 5_000;

/**
 * The built-in market: the seeded domain simulator driven by a clock that runs `speed` times faster
 * than the wall clock. Bars are stamped with simulated time, which starts at the wall time of start-up.
 */
export class SimulatedMarketProvider extends MarketDataProvider {
  readonly source = 'simulated' as const;
  private readonly market: MarketSimulator;
  private readonly feed: BarFeed;
  private readonly latest = new Map<string, SimulatedMinute>();
  private wallStart = 0;
  private simStart = 0;
  private nextMinute = 0;
  /** The first minute of every symbol's path: a symbol watched later is stepped from here too. */
  private pathStart: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: SimulatedMarketOptions,
    private readonly clock: Clock,
  ) {
    super();
    this.market = new MarketSimulator({
      seed: options.seed,
      symbols: [],
      followMarketHours: options.followMarketHours,
      splits: this.actionOptions.splits,
    });
    this.feed = new BarFeed(options.backfillBars + LIVE_HISTORY);
  }

  get bars$(): Observable<Bar> {
    return this.feed.bars$;
  }

  get historyBars$(): Observable<Bar> {
    return this.feed.history$;
  }

  /** The simulated clock. */
  now(): number {
    return this.simStart + (this.clock.now() - this.wallStart) * this.options.speed;
  }

  /**
   * Each symbol's path depends only on the seed, the symbol and the clock's origin, so an instance
   * that takes over (started with the same origin) generates the very bars the previous one did.
   */
  async start(origin = this.clock.now()): Promise<void> {
    if (this.pathStart === null) {
      await this.prepare(origin);
      for (const symbol of this.options.symbols) this.market.addSymbol(symbol);
      const times = this.backfillTimes();
      this.pathStart = times[0] ?? this.nextMinute;
      for (const time of times)
        for (const minute of this.market.step(time)) this.take(minute, 'record');
    }
    if (this.timer) return;
    const tickMs = Math.min(1_000, Math.max(20, MINUTE_MS / this.options.speed));
    this.timer = setInterval(() => this.advance(), tickMs);
    this.timer.unref();
  }

  /** Sets the simulated clock (a follower needs it for `now` and market status). */
  override async prepare(origin = this.clock.now()): Promise<void> {
    if (this.pathStart !== null) return;
    this.wallStart = origin;
    this.simStart = Math.floor(origin / MINUTE_MS) * MINUTE_MS;
    this.nextMinute = this.simStart;
  }

  async pause(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async stop(): Promise<void> {
    await this.pause();
    this.feed.complete();
  }

  follow(bar: Bar, as: 'publish' | 'record'): void {
    this.feed[as](bar);
  }

  /** Generates every simulated minute that has completed since the last tick. */
  advance(): void {
    const now = this.now();
    for (let n = 0; n < MAX_MINUTES_PER_TICK && this.nextMinute + MINUTE_MS <= now; n++) {
      for (const minute of this.market.step(this.nextMinute)) this.take(minute, 'publish');
      this.nextMinute += MINUTE_MS;
    }
  }

  /**
   * Any ticker can be simulated (`unlisted` is the gate). A new one is stepped from the first minute
   * of every path, silently, and keeps its last `backfillBars` minutes as history: so its path is the
   * same whenever, and in whichever instance, it is first watched.
   */
  async watch(symbols: readonly string[]): Promise<string[]> {
    const added = symbols.filter((symbol) => !this.market.has(symbol));
    for (const symbol of added) this.market.addSymbol(symbol);
    if (added.length === 0 || this.pathStart === null) return [];
    const keep = this.options.backfillBars * added.length;
    let tail: SimulatedMinute[] = [];
    for (let time = this.pathStart; time < this.nextMinute; time += MINUTE_MS) {
      tail.push(...this.market.step(time, added));
      if (tail.length > 2 * keep) tail = tail.slice(tail.length - keep);
    }
    for (const minute of tail.slice(Math.max(0, tail.length - keep))) this.take(minute, 'record');
    return [];
  }

  unwatch(symbols: readonly string[]): void {
    for (const symbol of symbols) {
      this.market.removeSymbol(symbol);
      this.latest.delete(symbol);
    }
    this.feed.forget(symbols);
  }

  async unlisted(symbols: readonly string[]): Promise<string[]> {
    return symbols.filter((symbol) => !this.options.listed.has(symbol));
  }

  override async corporateActions(
    symbols: readonly string[],
    from: string,
    to: string,
  ): Promise<CorporateActions> {
    return simulatedCorporateActions(this.options.seed, symbols, from, to, this.actionOptions);
  }

  async fetchQuotes(symbols: readonly string[]): Promise<QuoteBatch> {
    const batch: { quotes: QuoteBatch['quotes'][number][]; unknown: string[] } = {
      quotes: [],
      unknown: [],
    };
    for (const symbol of symbols) {
      const minute = this.latest.get(symbol);
      if (!minute) {
        batch.unknown.push(symbol);
        continue;
      }
      batch.quotes.push({
        symbol,
        price: minute.trade.price,
        bid: minute.quote.bid,
        ask: minute.quote.ask,
        asOf: minute.quote.time,
      });
    }
    return batch;
  }

  async fetchBars(
    symbol: string,
    timespan: MarketTimespan,
    from: number,
    to: number,
  ): Promise<Bar[] | null> {
    if (!this.market.has(symbol)) return null;
    return aggregateBars(this.feed.range(symbol, from, to), timespan);
  }

  recentBars(symbol: string, count: number): Bar[] {
    return this.feed.recent(symbol, count);
  }

  async marketStatus(): Promise<ProviderMarketStatus> {
    return {
      now: this.now(),
      open: this.options.followMarketHours ? null : true,
      alwaysOpen: !this.options.followMarketHours,
      clockRate: this.options.speed,
      closures: new Map(),
    };
  }

  health(): ProviderHealth {
    return this.latest.size > 0
      ? { state: 'ok', message: 'simulated market running' }
      : { state: 'starting', message: 'simulated market starting' };
  }

  private get actionOptions(): SimulatedCorporateActionsOptions {
    return this.options.corporateActions ?? NO_SIMULATED_CORPORATE_ACTIONS;
  }

  /** Live minutes are published; backfilled ones are history only. */
  private take(minute: SimulatedMinute, as: 'publish' | 'record'): void {
    this.feed[as](minute.bar);
    this.latest.set(minute.bar.symbol, minute);
  }

  /** The trading minutes of the backfill window, oldest first, ending just before the next live minute. */
  private backfillTimes(): number[] {
    const times: number[] = [];
    for (
      let t = this.nextMinute - MINUTE_MS, searched = 0;
      times.length < this.options.backfillBars && searched < MAX_BACKFILL_SEARCH_MINUTES;
      t -= MINUTE_MS, searched++
    ) {
      if (this.market.isTrading(t)) times.push(t);
    }
    return times.reverse();
  }
}
