import type { MarketDataSource, MarketQuote } from '@ptp/contracts';
import type { MarketDataMetrics } from '@ptp/api/metrics';
import type { Clock } from '../provider/clock';
import type { ProviderQuote, QuoteBatch } from '../provider/market-data.provider';
import { ProviderError } from '../provider/provider-error';
import type { CachedQuote, SharedQuoteStore } from './shared-quote-store';

/** How long a process waits for a peer that holds the refresh lock, and in how many looks. */
const PEER_REFRESH_WAIT_MS = 5_000;
const PEER_REFRESH_POLLS = 50;

export interface PriceCacheOptions {
  readonly source: MarketDataSource;
  readonly ttlMs: number;
  readonly staleAfterMs: number;
  /**
   * Whether this process may ask upstream (default: always). In a cluster only the market-data
   * leader does; the others take the prices it shares.
   */
  readonly mayFetch?: () => boolean;
}

export interface CachedQuotes {
  readonly quotes: MarketQuote[];
  readonly unknown: string[];
}

interface Refresh {
  readonly symbols: ReadonlySet<string>;
  readonly done: Promise<void>;
}

/**
 * The 30 s price cache in front of the provider.
 * - Batching: a refresh asks upstream for every watched symbol in one call.
 * - Single-flight: callers that miss while a refresh covering their symbols runs wait for it.
 * - Cost bound: a symbol is refreshed at most once per TTL whatever the number of callers, and a
 *   failed refresh also waits out the TTL, so a broken upstream is not hammered.
 * - Staleness: each price carries its age; after a failed refresh, or past `staleAfterMs`, it is stale.
 */
export class PriceCache {
  private readonly watched = new Set<string>();
  private readonly entries = new Map<string, CachedQuote>();
  private readonly unknownSymbols = new Set<string>();
  private readonly attemptedAt = new Map<string, number>();
  private inFlight: Refresh | null = null;
  private lastFailure: { at: number; error: ProviderError } | null = null;
  private lastSuccessAt: number | null = null;
  private upstreamCalls = 0;

  constructor(
    private readonly fetchQuotes: (symbols: readonly string[]) => Promise<QuoteBatch>,
    private readonly clock: Clock,
    private readonly options: PriceCacheOptions,
    private readonly shared: SharedQuoteStore | null = null,
    private readonly metrics: MarketDataMetrics | null = null,
  ) {}

  /** Symbols refreshed together; grows as callers ask for new ones. */
  get watchedSymbols(): string[] {
    return [...this.watched];
  }

  /** Upstream batch requests made so far (each may be retried inside the provider). */
  get upstreamRequestCount(): number {
    return this.upstreamCalls;
  }

  /** The last refresh failure, while no later refresh has succeeded. */
  get failure(): ProviderError | null {
    return this.lastFailure?.error ?? null;
  }

  /** Wall time of the newest price received, or null before the first. */
  get newestReceivedAt(): number | null {
    return this.lastSuccessAt;
  }

  /** Includes symbols in every refresh from now on. */
  watch(symbols: readonly string[]): void {
    for (const symbol of symbols) this.watched.add(symbol);
  }

  /** Leaves symbols out of refreshes and forgets their prices; a refresh still running cannot bring them back. */
  unwatch(symbols: readonly string[]): void {
    for (const symbol of symbols) {
      this.watched.delete(symbol);
      this.entries.delete(symbol);
      this.attemptedAt.delete(symbol);
      this.unknownSymbols.delete(symbol);
    }
  }

  async get(symbols: readonly string[]): Promise<CachedQuotes> {
    const misses = symbols.filter((symbol) => this.isDue([symbol])).length;
    this.metrics?.cacheLookup(symbols.length - misses, misses);
    this.watch(symbols);
    // Join a running refresh; start one only when none runs and a symbol is due. Bounded, because
    // each pass either ends or waits for a refresh that someone else started meanwhile.
    for (let pass = 0; pass < 3; pass++) {
      const flight = this.inFlight;
      if (flight) {
        await flight.done;
        if (symbols.every((s) => flight.symbols.has(s))) break;
        continue;
      }
      if (this.isDue(symbols)) await this.refresh();
      break;
    }
    return this.view(symbols);
  }

  /**
   * Prices the provider pushed between refreshes (stream trades): they replace the cached ones at once
   * and count as received now. A failed refresh stays on record (the symbols it left behind stay
   * stale); the pushed ones are newer than it, so they are not. Not written to the shared cache, which
   * would cost a Redis write per trade; the next refresh shares them.
   */
  push(quotes: readonly ProviderQuote[]): void {
    const receivedAt = this.clock.now();
    this.put(
      quotes
        .filter((quote) => this.watched.has(quote.symbol))
        .map((quote) => ({ quote, receivedAt })),
    );
  }

  /** The cached state of `symbols` without touching upstream. */
  view(symbols: readonly string[]): CachedQuotes {
    const now = this.clock.now();
    const quotes: MarketQuote[] = [];
    const unknown: string[] = [];
    for (const symbol of symbols) {
      const entry = this.entries.get(symbol);
      if (entry) quotes.push(this.toMarketQuote(entry, now));
      else if (this.unknownSymbols.has(symbol)) unknown.push(symbol);
    }
    return { quotes, unknown };
  }

  private isDue(symbols: readonly string[]): boolean {
    const now = this.clock.now();
    return symbols.some((symbol) => {
      const attempted = this.attemptedAt.get(symbol);
      return attempted === undefined || now - attempted >= this.options.ttlMs;
    });
  }

  private refresh(): Promise<void> {
    const symbols = new Set(this.watched);
    const done = this.load([...symbols]).finally(() => {
      if (this.inFlight?.done === done) this.inFlight = null;
    });
    this.inFlight = { symbols, done };
    return done;
  }

  private async load(symbols: string[]): Promise<void> {
    try {
      await this.loadFrom(symbols);
    } finally {
      // Counted from the end, so a slow or failing upstream is asked again only a full TTL later.
      const finishedAt = this.clock.now();
      for (const symbol of symbols)
        if (this.watched.has(symbol) || this.unknownSymbols.has(symbol))
          this.attemptedAt.set(symbol, finishedAt);
    }
  }

  private async loadFrom(symbols: string[]): Promise<void> {
    if (this.shared && (await this.loadShared(symbols, this.clock.now()))) return;
    this.upstreamCalls++;
    let entries: CachedQuote[] = [];
    try {
      const batch = await this.fetchQuotes(symbols);
      const receivedAt = this.clock.now();
      entries = batch.quotes.map((quote) => ({ quote, receivedAt }));
      this.store(entries, batch.unknown);
    } catch (error) {
      this.lastFailure = { at: this.clock.now(), error: asProviderError(error) };
    }
    if (this.shared) {
      // The shared cache is an optimisation: when Redis fails, each process keeps its own prices.
      await this.shared.write(entries, this.options.staleAfterMs).catch(() => undefined);
      await this.shared.unlock().catch(() => undefined);
    }
  }

  /**
   * True when peers' prices make an upstream call needless: they are fresh already, or another
   * process holds the refresh lock (then its result is awaited, briefly).
   */
  private async loadShared(symbols: string[], now: number): Promise<boolean> {
    const shared = this.shared as SharedQuoteStore;
    const freshFromPeers = async (since: number) => {
      const found = await shared.read(symbols);
      this.store(
        [...found.values()].filter((entry) => !this.isNewer(entry.quote.symbol, entry)),
        [],
      );
      return symbols.every((s) => {
        const entry = found.get(s);
        return entry !== undefined && since - entry.receivedAt < this.options.ttlMs;
      });
    };
    try {
      if (await freshFromPeers(now)) return true;
      if (!(this.options.mayFetch?.() ?? true)) return this.awaitLeader(symbols);
      if (await shared.tryLock(PEER_REFRESH_WAIT_MS)) {
        // A peer may have finished its refresh between the first look and taking the lock.
        if (!(await freshFromPeers(this.clock.now()))) return false;
        await shared.unlock();
        return true;
      }
      for (let i = 0; i < PEER_REFRESH_POLLS; i++) {
        await this.clock.sleep(PEER_REFRESH_WAIT_MS / PEER_REFRESH_POLLS);
        if (await freshFromPeers(this.clock.now())) return true;
      }
      return true;
    } catch {
      return false;
    }
  }

  /**
   * A follower keeps what the leader shared, however old (its age shows in each quote), and waits
   * briefly only for symbols it has no price of yet: the leader refreshes those once it learns of them.
   */
  private async awaitLeader(symbols: string[]): Promise<boolean> {
    const shared = this.shared as SharedQuoteStore;
    for (let i = 0; i < PEER_REFRESH_POLLS && symbols.some((s) => !this.entries.has(s)); i++) {
      await this.clock.sleep(PEER_REFRESH_WAIT_MS / PEER_REFRESH_POLLS);
      const found = await shared.read(symbols.filter((s) => !this.entries.has(s)));
      this.store([...found.values()], []);
    }
    return true;
  }

  private isNewer(symbol: string, entry: CachedQuote): boolean {
    const mine = this.entries.get(symbol);
    return mine !== undefined && mine.receivedAt >= entry.receivedAt;
  }

  private store(entries: readonly CachedQuote[], unknown: readonly string[]): void {
    this.put(entries);
    for (const symbol of unknown.filter((s) => this.watched.has(s))) {
      this.unknownSymbols.add(symbol);
      this.entries.delete(symbol);
      this.watched.delete(symbol);
    }
    if (entries.length > 0 || unknown.length > 0) this.lastFailure = null;
  }

  /** Only watched symbols: prices of one unwatched while they were on their way are not kept. */
  private put(entries: readonly CachedQuote[]): void {
    for (const entry of entries.filter((e) => this.watched.has(e.quote.symbol))) {
      this.entries.set(entry.quote.symbol, entry);
      this.unknownSymbols.delete(entry.quote.symbol);
      this.lastSuccessAt = Math.max(this.lastSuccessAt ?? 0, entry.receivedAt);
    }
  }

  private toMarketQuote(entry: CachedQuote, now: number): MarketQuote {
    const ageMs = Math.max(0, now - entry.receivedAt);
    const failedSince = this.lastFailure !== null && this.lastFailure.at >= entry.receivedAt;
    const quote: ProviderQuote = entry.quote;
    return {
      symbol: quote.symbol,
      price: quote.price,
      ...(quote.bid !== undefined ? { bid: quote.bid } : {}),
      ...(quote.ask !== undefined ? { ask: quote.ask } : {}),
      asOf: quote.asOf,
      source: this.options.source,
      ageSec: Math.round(ageMs / 100) / 10,
      stale: failedSince || ageMs > this.options.staleAfterMs,
    };
  }
}

function asProviderError(error: unknown): ProviderError {
  return error instanceof ProviderError
    ? error
    : new ProviderError('unavailable', 'market data provider failed');
}
