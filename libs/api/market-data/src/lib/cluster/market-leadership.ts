import type { Bar } from '@ptp/domain';
import type { Subscription } from 'rxjs';
import type { Clock } from '../provider/clock';
import type { MarketDataProvider, ProviderMarketStatus } from '../provider/market-data.provider';
import { type MarketRelay, toShared } from './market-relay';

/** The leader lease: renewed every second, lost 5 s after the leader stops renewing it. */
export const LEADER_LEASE_MS = 5_000;
const LEASE_TICK_MS = 1_000;
/** The clock origin outlives the cluster by this long: a restart within it continues the same market. */
const ORIGIN_KEEP_MS = 10 * 60_000;
/** A symbol is announced again at most this often while in use. */
const ANNOUNCE_EVERY_MS = 30_000;

export interface LeadershipOptions {
  /** At most this many symbols other instances use are tracked (`marketData.maxTrackedSymbols`). */
  readonly maxSymbols: number;
  /** A symbol another instance has not used for this long is not tracked for it any more. */
  readonly idleMs: number;
  /** Tracks symbols other instances use (the leader refreshes and produces bars for them too). */
  track(symbols: readonly string[]): Promise<unknown>;
  /** Fetches quotes of newly tracked symbols at once, rather than at the next scheduled refresh. */
  refresh(symbols: readonly string[]): Promise<unknown>;
  tracked(symbol: string): boolean;
}

/**
 * One market-data leader for the whole cluster, chosen by a Redis lease. Only the leader runs the
 * provider (simulator, replay clock, Polygon minute bars and WebSocket, quote refreshes, market
 * status); each bar it produces goes once into a Redis stream, which every instance (the leader
 * too) follows into its provider's `BarFeed` — so `bars$` is the same everywhere, each bar once.
 * An instance that starts reads the stream's recent history first. When the leader stops renewing,
 * another instance takes the lease within `LEADER_LEASE_MS` and resumes from the newest bar of the
 * stream: the feed drops what is not newer, so nothing is repeated, and the provider fetches (or
 * generates) everything after it, so nothing is lost.
 */
export class MarketLeadership {
  private leading = false;
  private origin = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly subscriptions: Subscription[] = [];
  private readonly streamed = new Set<string>();
  private readonly announced = new Map<string, number>();
  private ticking: Promise<void> = Promise.resolve();

  constructor(
    private readonly relay: MarketRelay,
    private readonly provider: MarketDataProvider,
    private readonly clock: Clock,
    private readonly logger: { log(message: string): void },
    private readonly hooks: LeadershipOptions,
  ) {}

  get isLeader(): boolean {
    return this.leading;
  }

  async start(): Promise<void> {
    this.origin = await this.relay.origin(this.clock.now(), ORIGIN_KEEP_MS);
    await this.provider.prepare(this.origin);
    // Until it leads, the provider produces nothing and asks upstream nothing.
    await this.provider.pause();
    // Everything already in the stream happened before this instance started: history, not news.
    const from = await this.relay.replay((bar) => this.take(bar, 'record'));
    this.relay.follow(from, (bar, kind) => this.take(bar, kind));
    this.subscriptions.push(
      this.provider.bars$.subscribe((bar) => this.share(bar, 'publish')),
      this.provider.historyBars$.subscribe((bar) => this.share(bar, 'record')),
    );
    await this.tick();
    this.timer = setInterval(() => void this.tick(), LEASE_TICK_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    if (this.leading) await this.relay.resign().catch(() => undefined);
    this.leading = false;
    await this.relay.close();
  }

  /** Tells the leader these symbols are in use here (each at most every `ANNOUNCE_EVERY_MS`). */
  announce(symbols: readonly string[]): void {
    const now = this.clock.now();
    const due = symbols.filter(
      (s) => now - (this.announced.get(s) ?? -Infinity) >= ANNOUNCE_EVERY_MS,
    );
    if (due.length === 0) return;
    for (const symbol of due) this.announced.set(symbol, now);
    if (this.announced.size > 4 * this.hooks.maxSymbols) this.announced.clear();
    void this.relay.announce(due, now).catch(() => undefined);
  }

  /** The leader's answer, shared; a follower without one falls back to its own (the calendar). */
  async status(): Promise<ProviderMarketStatus> {
    const own = () => this.provider.marketStatus();
    if (!this.leading) {
      const shared = await this.relay.readStatus().catch(() => null);
      if (shared)
        return { ...(await own()), open: shared.open, closures: new Map(shared.closures) };
      return own();
    }
    const status = await own();
    await this.relay.writeStatus(toShared(status), 2 * LEADER_LEASE_MS).catch(() => undefined);
    return status;
  }

  private tick(): Promise<void> {
    this.ticking = this.ticking.then(() => this.renew()).catch(() => undefined);
    return this.ticking;
  }

  private async renew(): Promise<void> {
    const lead = await this.relay.lead(LEADER_LEASE_MS).catch(() => false);
    if (lead !== this.leading) {
      this.leading = lead;
      this.logger.log(lead ? 'leading market data' : 'following the market-data leader');
      await (lead ? this.provider.start(this.origin) : this.provider.pause());
    }
    if (!lead) return;
    await this.relay.origin(this.origin, ORIGIN_KEEP_MS);
    const used = await this.relay.usedSince(
      this.clock.now() - this.hooks.idleMs,
      this.hooks.maxSymbols,
    );
    const added = used.filter((symbol) => !this.hooks.tracked(symbol));
    await this.hooks.track(used);
    if (added.length > 0) await this.hooks.refresh(added);
  }

  private take(bar: Bar, kind: 'publish' | 'record'): void {
    this.streamed.add(bar.symbol);
    this.provider.follow(bar, kind);
  }

  /** The leader's bars go to the stream; a backfill only for a symbol the stream has nothing of. */
  private share(bar: Bar, kind: 'publish' | 'record'): void {
    if (!this.leading || (kind === 'record' && this.streamed.has(bar.symbol))) return;
    this.relay.publish(bar, kind);
  }
}
