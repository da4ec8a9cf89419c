import type { MarketTimespan } from '@ptp/contracts';
import { type Bar, type CorporateActions, NO_CORPORATE_ACTIONS } from '@ptp/domain';
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
import { loadReplayCorporateActions, loadReplayFiles } from './replay-files';

const DAILY_STEP_MS = 20 * 3_600_000;

export interface ReplayOptions {
  readonly files: readonly string[];
  /** Data time per wall time: at 60, a minute bar every second; at 86,400, a daily bar every second. */
  readonly speed: number;
  /** Bars shown as history at start-up (at most half of the data, so there is always something to replay). */
  readonly warmupBars: number;
  /** The corporate-actions file (`{"splits": […], "dividends": […]}`) of the replayed data, if any. */
  readonly corporateActions?: string | null;
}

/**
 * Replays recorded bars (Yahoo CSV, Polygon aggregates JSON) as if they were live: the merged
 * timeline of all files is released step by step, one data interval per `interval / speed` of wall time.
 */
export class ReplayMarketProvider extends MarketDataProvider {
  readonly source = 'replay' as const;
  private readonly feed = new BarFeed(100_000);
  private timeline: Array<{ time: number; bars: Bar[] }> = [];
  private symbols = new Set<string>();
  private released = 0;
  private stepMs = 60_000;
  private wallStart = 0;
  private startIndex = 0;
  private timer: NodeJS.Timeout | null = null;
  private loaded: Promise<void> | null = null;
  private actions: CorporateActions = NO_CORPORATE_ACTIONS;

  constructor(
    private readonly options: ReplayOptions,
    private readonly clock: Clock,
    /** Tickers accepted besides the files' own (the shipped list); only the files have prices. */
    private readonly listed: ReadonlySet<string> = new Set(),
  ) {
    super();
  }

  get bars$(): Observable<Bar> {
    return this.feed.bars$;
  }

  get historyBars$(): Observable<Bar> {
    return this.feed.history$;
  }

  /** Loads the files (once); the warm-up steps become history. */
  override prepare(origin = this.clock.now()): Promise<void> {
    this.wallStart = origin;
    this.loaded ??= this.load();
    return this.loaded;
  }

  /** The timeline's wall clock starts at `origin`: every instance of a cluster is at the same step. */
  async start(origin = this.clock.now()): Promise<void> {
    await this.prepare(origin);
    if (this.timer) return;
    this.timer = setInterval(
      () => this.advance(),
      Math.min(1_000, Math.max(20, this.stepMs / this.options.speed)),
    );
    this.timer.unref();
  }

  async pause(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  follow(bar: Bar, as: 'publish' | 'record'): void {
    this.feed[as](bar);
  }

  private async load(): Promise<void> {
    const series = await loadReplayFiles(this.options.files);
    if (this.options.corporateActions)
      this.actions = await loadReplayCorporateActions(this.options.corporateActions);
    this.symbols = new Set(series.keys());
    const byTime = new Map<number, Bar[]>();
    for (const bar of [...series.values()].flat())
      byTime.set(bar.time, [...(byTime.get(bar.time) ?? []), bar]);
    this.timeline = [...byTime.entries()]
      .sort(([a], [b]) => a - b)
      .map(([time, bars]) => ({ time, bars }));
    const gaps = this.timeline.slice(1).map((entry, i) => entry.time - this.timeline[i].time);
    this.stepMs = gaps.length > 0 ? Math.min(...gaps) : 60_000;
    this.startIndex = Math.min(this.options.warmupBars, Math.floor(this.timeline.length / 2));
    this.releaseUpTo(this.startIndex, 'record');
  }

  async stop(): Promise<void> {
    await this.pause();
    this.feed.complete();
  }

  /** Releases every step whose wall time has come. */
  advance(): void {
    const due =
      this.startIndex +
      Math.floor(((this.clock.now() - this.wallStart) * this.options.speed) / this.stepMs);
    this.releaseUpTo(due, 'publish');
    if (this.released >= this.timeline.length) void this.pause();
  }

  async watch(symbols: readonly string[]): Promise<string[]> {
    return symbols.filter((s) => !this.known(s));
  }

  unwatch(): void {
    // Nothing is held per watched symbol: the files are loaded whole at start-up.
  }

  async unlisted(symbols: readonly string[]): Promise<string[]> {
    return symbols.filter((s) => !this.known(s) && !this.listed.has(s));
  }

  /** The corporate-actions file's actions of the symbols within the window. */
  override async corporateActions(
    symbols: readonly string[],
    from: string,
    to: string,
  ): Promise<CorporateActions> {
    const wanted = (ticker: string, date: string) =>
      symbols.includes(ticker) && date >= from && date <= to;
    return {
      splits: this.actions.splits.filter((s) => wanted(s.ticker, s.execution_date)),
      dividends: this.actions.dividends.filter((d) => wanted(d.ticker, d.ex_dividend_date)),
    };
  }

  async fetchQuotes(symbols: readonly string[]): Promise<QuoteBatch> {
    const quotes = symbols.flatMap((symbol) => {
      const bar = this.feed.last(symbol);
      return bar ? [{ symbol, price: bar.close, asOf: bar.time }] : [];
    });
    return { quotes, unknown: symbols.filter((s) => !this.known(s)) };
  }

  async fetchBars(
    symbol: string,
    timespan: MarketTimespan,
    from: number,
    to: number,
  ): Promise<Bar[] | null> {
    if (!this.known(symbol)) return null;
    const bars = this.feed.range(symbol, from, to);
    // Daily data cannot be split into hours; it is served as recorded whatever the timespan.
    return this.stepMs >= DAILY_STEP_MS ? bars : aggregateBars(bars, timespan);
  }

  recentBars(symbol: string, count: number): Bar[] {
    return this.feed.recent(symbol, count);
  }

  async marketStatus(): Promise<ProviderMarketStatus> {
    const last = this.timeline[Math.max(0, this.released - 1)];
    return {
      now: last?.time ?? this.clock.now(),
      open: this.released < this.timeline.length,
      clockRate: this.options.speed,
      closures: new Map(),
    };
  }

  health(): ProviderHealth {
    if (this.timeline.length === 0) return { state: 'starting', message: 'replay loading' };
    return { state: 'ok', message: `replay ${this.released}/${this.timeline.length} steps` };
  }

  private known(symbol: string): boolean {
    return this.symbols.has(symbol);
  }

  private releaseUpTo(index: number, as: 'publish' | 'record'): void {
    for (; this.released < Math.min(index, this.timeline.length); this.released++) {
      for (const bar of this.timeline[this.released].bars) this.feed[as](bar);
    }
  }
}
