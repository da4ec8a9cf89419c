import type { Secret } from '@ptp/api/config';
import type { MarketDataMetrics } from '@ptp/api/metrics';
import type { MarketTimespan } from '@ptp/contracts';
import { type Bar, MINUTE_MS, HOUR_MS } from '@ptp/domain';
import { type Observable, Subject } from 'rxjs';
import { BarFeed } from '../bars/bar-feed';
import { SingleFlightCache } from '../cache/single-flight-cache';
import type { Clock } from '../provider/clock';
import {
  MarketDataProvider,
  type ProviderHealth,
  type ProviderMarketStatus,
  type ProviderQuote,
  type QuoteBatch,
  type StreamState,
} from '../provider/market-data.provider';
import { PolygonAccess } from './polygon-access';
import { PolygonCorporateActions } from './polygon-corporate-actions';
import { fetchAggregates, type PolygonGet } from './polygon-aggregates';
import { PolygonHttpClient, type PolygonLogger } from './polygon-http.client';
import { PolygonMinuteBars } from './polygon-minute-bars';
import { PolygonQuoteRequests } from './polygon-quote-requests';
import { upcomingClosures } from './polygon-quotes';
import type { StreamTrade } from './polygon-stream-events';
import { PolygonStreamClient, type PolygonStreamOptions } from './polygon-stream.client';
import { PolygonTickerReference } from './polygon-ticker-reference';
import { isObject } from './polygon-wire';
import { RequestBudget } from './request-budget';

export interface PolygonProviderOptions {
  readonly baseUrl: string;
  readonly apiKey: Secret;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly requestsPerMinute: number;
  /** Minutes of history fetched per newly watched symbol. */
  readonly backfillBars: number;
  /** Stream trades and minute bars from Polygon's WebSocket (REST polling stays the fallback). */
  readonly websocket?: boolean;
  readonly websocketUrl?: string;
  /** Reconnect and heartbeat timing of the WebSocket (tests shorten it). */
  readonly streamTiming?: Partial<StreamTiming>;
}

type StreamTiming = Pick<
  PolygonStreamOptions,
  'reconnectBaseMs' | 'reconnectMaxMs' | 'authRetryMs' | 'heartbeatMs'
>;

const DEFAULT_STREAM_TIMING: StreamTiming = {
  reconnectBaseMs: 1_000,
  reconnectMaxMs: 60_000,
  authRetryMs: 3_600_000,
  heartbeatMs: 30_000,
};

/** Minute bars use only spare capacity: one slot stays free for the next quote refresh. */
const BAR_SPARE_SLOTS = 1;

/**
 * Polygon.io (Massive) over plain HTTP: one snapshot request for all watched symbols per refresh, the
 * last trade (then the previous close, on plans without trades) for symbols the snapshot lacks,
 * aggregates followed through `next_url`, and market status. Completed minute bars have their own
 * schedule (`PolygonMinuteBars`): aggregates once a minute, or the stream's `AM` while it is up.
 * Tickers are checked against the tickers reference. What users ask for (aggregates, reference
 * lookups) takes the request budget's lookup lane, so it never crowds out the quote refresh.
 *
 * With `websocket`, trades (`T.`) are pushed too: while the stream is up, a refresh answers symbols
 * that traded on it without any HTTP request. Whenever it is down (connecting, reconnecting, key
 * refused) everything falls back to REST.
 */
export class PolygonMarketProvider extends MarketDataProvider {
  readonly source = 'polygon' as const;
  private readonly http: PolygonHttpClient;
  private readonly feed: BarFeed;
  private readonly minuteBars: PolygonMinuteBars;
  private readonly watched = new Set<string>();
  private readonly access: PolygonAccess;
  private readonly quotes: PolygonQuoteRequests;
  private readonly reference: PolygonTickerReference;
  private readonly actions: PolygonCorporateActions;
  /** What users and desks look up: the lookup lane, so it never crowds out the price refresh. */
  private readonly lookup: PolygonGet;
  private readonly statusNow: SingleFlightCache<boolean | null>;
  private readonly upcoming: SingleFlightCache<Map<string, { close: number | null }>>;
  private readonly stream: PolygonStreamClient | null;
  /** Prices traded on the current stream connection; cleared when it drops (trades may be missed then). */
  private readonly streamed = new Map<string, ProviderQuote>();
  private readonly pushed = new Subject<ProviderQuote>();
  override readonly quotes$ = this.pushed.asObservable();
  /** Paused (a cluster's follower): it asks upstream for neither minute bars nor market status. */
  private paused = false;

  constructor(
    private readonly options: PolygonProviderOptions,
    private readonly clock: Clock,
    private readonly logger: PolygonLogger,
    metrics: MarketDataMetrics | null = null,
  ) {
    super();
    this.access = new PolygonAccess(clock, logger);
    this.http = new PolygonHttpClient(
      options,
      new RequestBudget(options.requestsPerMinute, clock, metrics),
      clock,
      logger,
      metrics,
    );
    this.feed = new BarFeed(Math.max(options.backfillBars, 1) + 4_000);
    const whenIdle: PolygonGet = (path, query) =>
      this.access.remember(() => this.http.getIfIdle(path, query, BAR_SPARE_SLOTS));
    this.minuteBars = new PolygonMinuteBars(
      this.feed,
      (symbol, from, to) => fetchAggregates(whenIdle, symbol, 'minute', from, to),
      clock,
      logger,
      options.backfillBars,
    );
    this.quotes = new PolygonQuoteRequests(this.http, this.access, clock);
    this.lookup = (path, query) => this.access.remember(() => this.http.get(path, query, 'lookup'));
    this.reference = new PolygonTickerReference(this.lookup, clock);
    this.actions = new PolygonCorporateActions(this.lookup, clock, logger);
    this.statusNow = new SingleFlightCache(clock, MINUTE_MS, 1);
    this.upcoming = new SingleFlightCache(clock, 6 * HOUR_MS, 1);
    this.stream =
      options.websocket && options.websocketUrl
        ? new PolygonStreamClient(
            {
              url: options.websocketUrl,
              apiKey: options.apiKey,
              ...DEFAULT_STREAM_TIMING,
              ...options.streamTiming,
            },
            {
              trade: (trade) => this.onTrade(trade),
              minute: (bar) => this.minuteBars.onStreamMinute(bar),
              state: (state) => this.onStreamState(state),
            },
            logger,
          )
        : null;
  }

  get bars$(): Observable<Bar> {
    return this.feed.bars$;
  }

  get historyBars$(): Observable<Bar> {
    return this.feed.history$;
  }

  async start(): Promise<void> {
    this.paused = false;
    this.stream?.subscribe([...this.watched]);
    this.stream?.start();
    this.minuteBars.start();
  }

  async pause(): Promise<void> {
    this.paused = true;
    this.stream?.stop();
    this.minuteBars.stop();
  }

  async stop(): Promise<void> {
    await this.pause();
    this.feed.complete();
    this.pushed.complete();
  }

  health(): ProviderHealth {
    const stream = this.stream ? { stream: this.stream.state } : {};
    const refusal = this.access.unauthorized;
    if (refusal) return { state: 'unauthorized', message: refusal, ...stream };
    if (!this.access.entitled('snapshot'))
      return {
        state: 'unauthorized',
        message: 'plan not entitled to snapshots: serving last trades or previous closes',
        ...stream,
      };
    if (!this.stream) return { state: 'ok', message: 'Polygon REST' };
    if (this.stream.state === 'streaming')
      return {
        state: 'ok',
        message: 'Polygon WebSocket streaming (REST for symbols without trades yet)',
        ...stream,
      };
    return {
      state: 'ok',
      message: `Polygon REST polling; WebSocket ${this.stream.state}: ${this.stream.reason}`,
      ...stream,
    };
  }

  async watch(symbols: readonly string[]): Promise<string[]> {
    const added = symbols.filter((s) => !this.watched.has(s));
    for (const symbol of added) this.watched.add(symbol);
    this.stream?.subscribe(added);
    this.minuteBars.watch(added);
    return [];
  }

  unwatch(symbols: readonly string[]): void {
    for (const symbol of symbols) {
      this.watched.delete(symbol);
      this.streamed.delete(symbol);
    }
    this.stream?.unsubscribe(symbols);
    this.minuteBars.unwatch(symbols);
    this.feed.forget(symbols);
  }

  /** Polygon's tickers reference decides, asked in the lookup lane of the request budget. */
  unlisted(symbols: readonly string[]): Promise<string[]> {
    return this.reference.unlisted(symbols);
  }

  recentBars(symbol: string, count: number): Bar[] {
    return this.feed.recent(symbol, count);
  }

  /** Polygon's splits and dividends references, in the lookup lane (`PolygonCorporateActions`). */
  override corporateActions(symbols: readonly string[], from: string, to: string) {
    return this.actions.actions(symbols, from, to);
  }

  follow(bar: Bar, as: 'publish' | 'record'): void {
    this.feed[as](bar);
  }

  /** One round of the minute-bar schedule (its timer calls it a few seconds after each minute closes). */
  refreshBars(): Promise<void> {
    return this.minuteBars.refresh();
  }

  async fetchQuotes(symbols: readonly string[]): Promise<QuoteBatch> {
    const quotes = new Map<string, ProviderQuote>();
    for (const symbol of symbols) {
      const streamed = this.streamed.get(symbol);
      if (streamed) quotes.set(symbol, streamed);
    }
    for (const [symbol, quote] of await this.quotes.poll(symbols.filter((s) => !quotes.has(s))))
      quotes.set(symbol, quote);
    return { quotes: [...quotes.values()], unknown: symbols.filter((s) => !quotes.has(s)) };
  }

  /** A user's lookup: aggregates in the lookup lane, so they never crowd out the price refresh. */
  async fetchBars(
    symbol: string,
    timespan: MarketTimespan,
    from: number,
    to: number,
  ): Promise<Bar[] | null> {
    const bars = await fetchAggregates(this.lookup, symbol, timespan, from, to);
    if (bars.length === 0 && !(await this.quotes.exists(symbol, 'lookup'))) return null;
    return bars;
  }

  /**
   * Polygon's view of the market, when a request slot is free: the status bar and every tick ask for it,
   * so it never waits behind the request budget; without it the calendar alone decides.
   */
  async marketStatus(): Promise<ProviderMarketStatus> {
    if (this.paused) return this.idleStatus();
    const open = await this.statusNow
      .get('now', async () => {
        const { body } = await this.http.getIfIdle('/v1/marketstatus/now');
        return isObject(body) && typeof body['market'] === 'string'
          ? body['market'] === 'open'
          : null;
      })
      .catch(() => null);
    const closures = await this.upcoming
      .get('upcoming', async () =>
        upcomingClosures((await this.http.getIfIdle('/v1/marketstatus/upcoming')).body),
      )
      .catch(() => new Map());
    return { now: this.clock.now(), open, clockRate: 1, closures };
  }

  /** While it does not lead, it asks nobody: the market-data leader shares its answer (or the calendar decides). */
  private idleStatus(): ProviderMarketStatus {
    return { now: this.clock.now(), open: null, clockRate: 1, closures: new Map() };
  }

  private onTrade(trade: StreamTrade): void {
    const known = this.streamed.get(trade.symbol);
    // Late (out-of-sequence) prints must not move the last price back.
    if (!this.watched.has(trade.symbol) || (known && trade.time < known.asOf)) return;
    const quote: ProviderQuote = { symbol: trade.symbol, price: trade.price, asOf: trade.time };
    this.streamed.set(trade.symbol, quote);
    this.pushed.next(quote);
  }

  private onStreamState(state: StreamState): void {
    if (state !== 'streaming') this.streamed.clear();
    this.minuteBars.onStreamState(state);
  }
}
