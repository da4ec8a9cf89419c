import { type Bar, MINUTE_MS, DAY_MS } from '@ptp/domain';
import type { BarFeed } from '../bars/bar-feed';
import type { Clock } from '../provider/clock';
import type { StreamState } from '../provider/market-data.provider';
import { BudgetInUse, type PolygonLogger } from './polygon-http.client';

/** The completed minute bars of `symbol` starting in [from, to] (UTC ms), oldest first; rejects when upstream or the budget refuses. */
export type MinuteAggregates = (symbol: string, from: number, to: number) => Promise<Bar[]>;

/** Calendar days searched back for history minutes (covers long weekends). */
const HISTORY_DAYS = 5;
/** Polygon publishes a minute's aggregate a few seconds after the minute closes. */
const SETTLE_MS = 5_000;

interface WatchedSymbol {
  readonly watchedAt: number;
  /** The first successful fetch happened: it was the history, whatever it finds later is news. */
  loaded: boolean;
  /** When a fetch was last sent (refused ones do not count), so a tight budget serves symbols in turn. */
  attemptedAt: number;
  /** The stream's minutes of this symbol follow the held history without a gap; REST leaves it alone. */
  streamed: boolean;
  /** Minutes received on the current connection before REST confirmed that none is missing before them. */
  pending: Bar[] | null;
}

type Outcome = 'fetched' | 'refused' | 'failed';

/**
 * Polygon's completed minute bars, on a schedule of their own (independent of quote refreshes, which
 * may not happen in this process at all when a peer shares its prices through Redis).
 *
 * A few seconds after each minute closes, every watched symbol the WebSocket does not cover asks the
 * aggregates endpoint for its minutes from its newest known bar on, so a minute that could not be
 * fetched (budget in use, upstream down) arrives with a later round. Requests are sent only when the
 * budget has a slot to spare, so bars never hold up a quote refresh; symbols take turns when it is tight.
 *
 * With the WebSocket, minute aggregates (`AM`) are the bars. The first one of a symbol on a connection
 * may follow a gap (minutes missed while the stream was down), so it waits until REST has fetched up to
 * it; from then on the connection's minutes follow each other and are published as they come. The feed
 * publishes each minute once, whichever source brings it first.
 */
export class PolygonMinuteBars {
  private readonly symbols = new Map<string, WatchedSymbol>();
  private readonly inFlight = new Map<string, Promise<Outcome>>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly feed: BarFeed,
    private readonly fetchMinutes: MinuteAggregates,
    private readonly clock: Clock,
    private readonly logger: PolygonLogger,
    private readonly historyBars: number,
  ) {}

  /** Adds symbols and, while running, loads their history in the background (waiting for budget like everything else). */
  watch(symbols: readonly string[]): void {
    const now = this.clock.now();
    const added = symbols.filter((symbol) => !this.symbols.has(symbol));
    for (const symbol of added)
      this.symbols.set(symbol, {
        watchedAt: now,
        loaded: false,
        attemptedAt: -Infinity,
        streamed: false,
        pending: null,
      });
    if (this.running) for (const symbol of added) void this.catchUp(symbol);
  }

  /** Stops fetching the symbols' minutes; a fetch still running for one of them is dropped. */
  unwatch(symbols: readonly string[]): void {
    for (const symbol of symbols) this.symbols.delete(symbol);
  }

  /** Starts the rounds; symbols watched while stopped (a follower that now leads) catch up at once. */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.refresh();
    this.scheduleNextRound();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One round: each symbol the stream does not cover catches up, least recently asked first, while the budget has room. */
  async refresh(): Promise<void> {
    const due = [...this.symbols.entries()]
      .filter(([, state]) => !state.streamed)
      .sort(([, a], [, b]) => a.attemptedAt - b.attemptedAt);
    for (const [symbol] of due) {
      if ((await this.catchUp(symbol)) === 'refused') return;
    }
  }

  /** A minute aggregate from the WebSocket. */
  onStreamMinute(bar: Bar): void {
    const state = this.symbols.get(bar.symbol);
    if (!state) return;
    if (state.streamed) {
      // A repeated AM for a minute already published corrects it without publishing it again.
      if (!this.feed.publish(bar)) this.feed.revise(bar);
      return;
    }
    (state.pending ??= []).push(bar);
    void this.confirmStream(bar.symbol);
  }

  /** Minutes of an interrupted connection can no longer be trusted to be contiguous. */
  onStreamState(state: StreamState): void {
    if (state === 'streaming') return;
    for (const watched of this.symbols.values()) {
      watched.streamed = false;
      watched.pending = null;
    }
  }

  private scheduleNextRound(): void {
    if (!this.running) return;
    const delay = MINUTE_MS - (this.clock.now() % MINUTE_MS) + SETTLE_MS;
    this.timer = setTimeout(
      () => void this.refresh().finally(() => this.scheduleNextRound()),
      delay,
    );
    this.timer.unref();
  }

  /** Runs a catch-up that starts after the pending minutes arrived (one already running may have started before). */
  private async confirmStream(symbol: string): Promise<void> {
    await this.inFlight.get(symbol);
    const state = this.symbols.get(symbol);
    if (state?.pending && !state.streamed) await this.catchUp(symbol);
  }

  private catchUp(symbol: string): Promise<Outcome> {
    const running = this.inFlight.get(symbol);
    if (running) return running;
    const run = this.fetchNew(symbol).finally(() => this.inFlight.delete(symbol));
    this.inFlight.set(symbol, run);
    return run;
  }

  private async fetchNew(symbol: string): Promise<Outcome> {
    const state = this.symbols.get(symbol) as WatchedSymbol;
    const pending = state.pending;
    const now = this.clock.now();
    const from =
      this.feed.last(symbol)?.time ??
      (this.historyBars > 0 ? now - HISTORY_DAYS * DAY_MS : state.watchedAt - MINUTE_MS + 1);
    // Only minutes that have closed: Polygon also answers the one still building.
    const to = Math.floor(now / MINUTE_MS) * MINUTE_MS - 1;
    let bars: Bar[];
    try {
      bars = await this.fetchMinutes(symbol, from, to);
    } catch (error) {
      if (error instanceof BudgetInUse) return 'refused';
      state.attemptedAt = now;
      this.logger.warn(
        `Polygon minute bars of ${symbol}: ${(error as Error).message}; asked again next minute`,
      );
      return 'failed';
    }
    // Unwatched meanwhile: what it brought would bring back the history that was let go.
    if (this.symbols.get(symbol) !== state) return 'fetched';
    state.attemptedAt = now;
    this.accept(state, bars);
    // The pending minutes arrived before this fetch began, so REST has covered everything before them.
    if (pending && state.pending === pending) {
      for (const bar of pending) if (!this.feed.publish(bar)) this.feed.revise(bar);
      state.pending = null;
      state.streamed = true;
    }
    return 'fetched';
  }

  /** The first fetch's minutes that closed before the symbol was watched are history; every later one is news. */
  private accept(state: WatchedSymbol, bars: readonly Bar[]): void {
    if (!state.loaded) {
      const history = bars.filter((bar) => bar.time + MINUTE_MS <= state.watchedAt);
      for (const bar of history.slice(Math.max(0, history.length - this.historyBars)))
        this.feed.record(bar);
      bars = bars.slice(history.length);
      state.loaded = true;
    }
    for (const bar of bars) this.feed.publish(bar);
  }
}
