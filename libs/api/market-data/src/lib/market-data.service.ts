import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
  Optional,
} from '@nestjs/common';
import { type AppConfig, InjectAppConfig } from '@ptp/api/config';
import { MarketDataMetrics } from '@ptp/api/metrics';
import type {
  MarketDataSource,
  MarketQuote,
  MarketStatusResponse,
  MarketTimespan,
} from '@ptp/contracts';
import { addDays, type Bar, type CorporateActions, newYorkDate } from '@ptp/domain';
import { type Observable, Subject, type Subscription } from 'rxjs';
import { type CachedQuotes, PriceCache } from './cache/price-cache';
import { SharedQuoteStore } from './cache/shared-quote-store';
import { SingleFlightCache } from './cache/single-flight-cache';
import { MarketLeadership } from './cluster/market-leadership';
import { MarketRelay } from './cluster/market-relay';
import { composeMarketStatus } from './market-status';
import { Clock } from './provider/clock';
import type { MarketDataHealth } from './market-data-health';
import { MarketDataProvider } from './provider/market-data.provider';
import { SymbolTracker } from './universe/symbol-tracker';
import { SymbolUniverse } from './universe/symbol-universe';

/** A symbol nothing pins is let go once nobody asked for it this long. */
export const IDLE_EVICTION_MS = 10 * 60_000;
const SWEEP_EVERY_MS = 60_000;
/** Corporate actions are asked for this many days around the market's date: ahead, so they are scheduled in time. */
const ACTIONS_BEHIND_DAYS = 7;
const ACTIONS_AHEAD_DAYS = 60;

/**
 * The facade other modules use: cached quotes, bars, the newest completed bars, market status and
 * the bar stream, whatever the provider behind it.
 *
 * Only symbols of the universe are tracked (callers check user input with `requireKnown` first).
 * What is kept per symbol (prices, histories, stream subscriptions, cached bars) is let go once the
 * symbol is idle for `IDLE_EVICTION_MS` and nothing pins it, and at most
 * `marketData.maxTrackedSymbols` unpinned symbols are kept; `evicted$` tells the other holders.
 */
@Injectable()
export class MarketDataService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MarketDataService.name);
  private readonly prices: PriceCache;
  private readonly barsCache: SingleFlightCache<Bar[] | null>;
  private readonly statusCache: SingleFlightCache<MarketStatusResponse>;
  private readonly tracker: SymbolTracker;
  private readonly pins: Array<() => Iterable<string>> = [];
  private readonly evicted = new Subject<string[]>();
  private refreshTimer: NodeJS.Timeout | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private pushedQuotes: Subscription | null = null;
  /** With Redis: which instance of the cluster talks to upstream (null: this process alone). */
  private readonly leadership: MarketLeadership | null;

  constructor(
    private readonly provider: MarketDataProvider,
    private readonly clock: Clock,
    @InjectAppConfig() private readonly config: AppConfig,
    private readonly universe: SymbolUniverse,
    // Explicit tokens: a union type's design metadata is Object, which Nest cannot resolve.
    @Optional() @Inject(SharedQuoteStore) private readonly shared: SharedQuoteStore | null,
    metrics: MarketDataMetrics,
    @Optional() @Inject(MarketRelay) relay: MarketRelay | null = null,
  ) {
    const { maxTrackedSymbols } = config.marketData;
    const ttlMs = config.marketData.cacheTtlSec * 1000;
    const staleAfterMs = config.marketData.staleAfterSec * 1000;
    this.leadership = relay
      ? new MarketLeadership(relay, provider, clock, this.logger, {
          maxSymbols: maxTrackedSymbols,
          idleMs: IDLE_EVICTION_MS,
          track: (symbols) => this.track(symbols),
          refresh: (symbols) => this.prices.get(symbols),
          tracked: (symbol) => this.tracker.has(symbol),
        })
      : null;
    this.prices = new PriceCache(
      (symbols) => provider.fetchQuotes(symbols),
      clock,
      { source: provider.source, ttlMs, staleAfterMs, mayFetch: () => this.leads },
      shared ?? null,
      metrics,
    );
    this.barsCache = new SingleFlightCache(clock, ttlMs);
    // Status changes by the minute; a second is enough to absorb many dashboards polling at once.
    this.statusCache = new SingleFlightCache(clock, 1_000, 1);
    this.tracker = new SymbolTracker(maxTrackedSymbols, IDLE_EVICTION_MS, () =>
      this.pinnedSymbols(),
    );
  }

  get source(): MarketDataSource {
    return this.provider.source;
  }

  /** This process talks to upstream: it is alone, or the cluster's market-data leader. */
  get leads(): boolean {
    return this.leadership?.isLeader ?? true;
  }

  /**
   * Every completed 1-minute bar of the watched symbols, once, in time order per symbol, whatever the
   * provider and wherever this process gets its quotes from. Bars a symbol had when it was first
   * watched are history (`getRecentBars`), not news.
   */
  get bars$(): Observable<Bar> {
    return this.provider.bars$;
  }

  /** Symbols just let go: whoever keeps something per symbol (charts, price boards) drops it too. */
  get evicted$(): Observable<string[]> {
    return this.evicted.asObservable();
  }

  /** Symbols currently tracked (the watchlist, what sessions and accounts hold, recent lookups). */
  get trackedSymbols(): string[] {
    return this.tracker.symbols;
  }

  /** Adds a source of symbols the platform holds on to (sessions, positions, orders): never evicted. */
  pinWith(source: () => Iterable<string>): void {
    this.pins.push(source);
  }

  async onModuleInit(): Promise<void> {
    this.pushedQuotes = this.provider.quotes$.subscribe((quote) => this.prices.push([quote]));
    await (this.leadership ? this.leadership.start() : this.provider.start());
    await this.watch(this.config.trading.watchlist);
    this.logger.log(
      `market data from ${this.provider.source}: ${this.prices.watchedSymbols.join(', ')}`,
    );
    // The refresh schedule: one batched request per TTL keeps prices current whether or not anyone
    // asks; client requests are served from the cache in between. Bars keep their own schedule.
    const everyMs = Math.max(1_000, this.config.marketData.cacheTtlSec * 1000);
    this.refreshTimer = setInterval(
      () => void this.prices.get(this.prices.watchedSymbols),
      everyMs,
    );
    this.refreshTimer.unref();
    this.sweepTimer = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.sweepTimer.unref();
    void this.prices.get(this.prices.watchedSymbols);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.evicted.complete();
    this.pushedQuotes?.unsubscribe();
    await this.leadership?.stop();
    await this.provider.stop();
    await this.shared?.close();
  }

  /** Lets go of the symbols idle for `IDLE_EVICTION_MS` that nothing pins (a timer does it every minute). */
  sweep(): void {
    this.release(this.tracker.sweep(this.clock.now()));
    this.leadership?.announce([...this.pinnedSymbols()]);
  }

  /** Rejects with 422 UNKNOWN_SYMBOL unless every symbol is in the universe; tracks nothing. */
  requireKnown(symbols: readonly string[]): Promise<void> {
    return this.universe.require(symbols);
  }

  /**
   * Tracks symbols of the universe: the refresh batch, the bar stream, marked used now. Resolves to
   * those the provider has no data for (a listed ticker missing from the replay files), untracked again.
   */
  async watch(symbols: readonly string[]): Promise<string[]> {
    return this.track(symbols).finally(() =>
      this.leadership?.announce(symbols.filter((s) => this.tracker.has(s))),
    );
  }

  /** `watch` without telling the market-data leader (what the leader does for the others' symbols). */
  private async track(symbols: readonly string[]): Promise<string[]> {
    // Marked, added to the cache and to the provider without a pause, so an eviction triggered by a
    // concurrent request cannot slip in between and leave state behind that the tracker forgot.
    this.release(this.tracker.use(symbols, this.clock.now()));
    this.prices.watch(symbols);
    const unknown = await this.provider.watch(symbols);
    this.tracker.forget(unknown);
    this.release(unknown);
    return unknown;
  }

  /** Latest prices from the cache (refreshed in one batch when due); unknown symbols are listed apart. */
  async getQuotes(symbols: readonly string[]): Promise<CachedQuotes> {
    const unknown = await this.watch(symbols);
    const cached = await this.prices.get(symbols.filter((s) => this.tracker.has(s)));
    return { quotes: cached.quotes, unknown: [...new Set([...unknown, ...cached.unknown])] };
  }

  async getQuote(symbol: string): Promise<MarketQuote | undefined> {
    return (await this.getQuotes([symbol])).quotes[0];
  }

  /** Bars whose start lies in [from, to] (UTC ms), oldest first; null for an unknown symbol. */
  async getBars(
    symbol: string,
    timespan: MarketTimespan,
    from: number,
    to: number,
  ): Promise<Bar[] | null> {
    if ((await this.watch([symbol])).length > 0) return null;
    return this.barsCache.get(`${symbol}|${timespan}|${from}|${to}`, () =>
      this.provider.fetchBars(symbol, timespan, from, to),
    );
  }

  /** The newest `count` completed 1-minute bars, oldest first: the history plus what `bars$` emitted. */
  getRecentBars(symbol: string, count: number): Bar[] {
    return this.provider.recentBars(symbol, count);
  }

  /** The symbols' splits and dividends dated around the market's date (its clock): never rejects. */
  async corporateActions(symbols: readonly string[]): Promise<CorporateActions> {
    const today = newYorkDate((await this.status()).asOf);
    const [from, to] = [addDays(today, -ACTIONS_BEHIND_DAYS), addDays(today, ACTIONS_AHEAD_DAYS)];
    return this.provider.corporateActions(symbols, from, to);
  }

  status(): Promise<MarketStatusResponse> {
    return this.statusCache.get('status', async () =>
      composeMarketStatus(
        await (this.leadership?.status() ?? this.provider.marketStatus()),
        this.provider.source,
        this.health().state,
      ),
    );
  }

  /** Refreshes the watched prices if due, then reports. */
  async checkHealth(): Promise<MarketDataHealth> {
    await this.prices.get(this.prices.watchedSymbols);
    return this.health();
  }

  health(): MarketDataHealth {
    const own = this.provider.health();
    const quotes = this.prices.view(this.prices.watchedSymbols).quotes;
    const staleSymbols = quotes.filter((q) => q.stale).map((q) => q.symbol);
    const failure = this.prices.failure;
    const receivedAt = this.prices.newestReceivedAt;
    const base = {
      provider: this.provider.source,
      ageSec:
        receivedAt === null
          ? null
          : Math.max(0, Math.round((this.clock.now() - receivedAt) / 1000)),
      staleSymbols,
      trackedSymbols: this.tracker.symbols.length,
      ...(this.leadership ? { leader: this.leadership.isLeader } : {}),
      ...(own.stream ? { stream: own.stream } : {}),
    };
    if (own.state === 'unauthorized' || failure?.kind === 'unauthorized') {
      return {
        ...base,
        state: 'unauthorized',
        message: 'market data key invalid or plan not entitled',
      };
    }
    if (failure || staleSymbols.length > 0) {
      return {
        ...base,
        state: 'degraded',
        message: failure ? `serving last good prices: ${failure.message}` : 'prices are stale',
      };
    }
    if (receivedAt === null) return { ...base, state: 'starting', message: own.message };
    return { ...base, state: 'ok', message: own.message };
  }

  private pinnedSymbols(): ReadonlySet<string> {
    const pinned = new Set(this.config.trading.watchlist);
    for (const source of this.pins) for (const symbol of source()) pinned.add(symbol);
    return pinned;
  }

  /** Lets go of everything kept for the symbols, here and in the provider, and tells the others. */
  private release(symbols: readonly string[]): void {
    if (symbols.length === 0) return;
    const gone = new Set(symbols);
    this.prices.unwatch(symbols);
    this.provider.unwatch(symbols);
    this.barsCache.drop((key) => gone.has(key.slice(0, key.indexOf('|'))));
    this.evicted.next([...symbols]);
  }
}
