import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CorporateActions, DEFAULT_SIMULATED_WATCHLIST } from '@ptp/domain';
import { MockMarketTape } from './mock-market-tape';
import { MockAggregates, type MockReply } from './polygon-mock-aggregates';
import { MockCorporateActions } from './polygon-mock-corporate-actions';
import { requestId, toPolygonJson } from './polygon-json';
import { PolygonMockStream } from './polygon-mock-stream';
import {
  lastTradeResult,
  marketStatusNow,
  marketStatusUpcoming,
  previousCloseResult,
  referenceTicker,
  snapshotTicker,
} from './polygon-mock-responses';

export interface PolygonMockOptions {
  readonly apiKey: string;
  readonly seed?: number;
  readonly symbols?: readonly string[];
  /** The mock's "now" (UTC ms); tests pin it, the CLI follows the wall clock. */
  readonly now?: () => number;
  /** Answer aggregates with `status: "DELAYED"`, as a delayed-data plan does. */
  readonly delayed?: boolean;
  /** Largest aggregates (and reference) page; tests lower it to exercise next_url paging. */
  readonly maxPageSize?: number;
  /** Splits and dividends of the reference endpoints; the tape's raw prices jump at the splits. */
  readonly corporateActions?: CorporateActions;
}

/** A fault for the next request(s) whose path starts with `path` (every path when omitted). */
export type MockFault = { readonly path?: string; readonly times?: number } & (
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterSec?: number }
  | { readonly kind: 'slow'; readonly delayMs: number }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'drop' }
);

export interface MockRequest {
  readonly path: string;
  readonly query: Record<string, string>;
  /** How the key came: `bearer`, `query` or `none`. */
  readonly auth: 'bearer' | 'query' | 'none';
  /** The mock's clock when the request arrived. */
  readonly at: number;
}

/**
 * A loopback Polygon.io (Massive) server for tests and offline demos: the REST endpoints the platform
 * uses, in Polygon's wire formats (nanosecond integers, next_url + cursor paging, bare-array
 * marketstatus/upcoming), key checks (apiKey= or Bearer), plan limits and injectable faults; and the
 * stocks WebSocket on `/stocks` of the same port (`stream`).
 */
export class PolygonMockServer {
  readonly requests: MockRequest[] = [];
  /** The WebSocket endpoint, `ws://host:port/stocks`. */
  readonly stream: PolygonMockStream;
  private readonly server: Server;
  private readonly tape: MockMarketTape;
  private readonly aggs: MockAggregates;
  private readonly actions: MockCorporateActions;
  private readonly faults: Array<MockFault & { remaining: number }> = [];
  private counter = 0;
  private baseUrlValue = '';
  /** When false, snapshot and last-trade answer 403 NOT_AUTHORIZED, like the free plan. */
  entitled = true;

  constructor(private readonly options: PolygonMockOptions) {
    this.tape = new MockMarketTape(
      options.seed ?? 42,
      new Set(options.symbols ?? DEFAULT_SIMULATED_WATCHLIST),
    );
    this.aggs = new MockAggregates({
      tape: this.tape,
      maxPageSize: options.maxPageSize,
      delayed: options.delayed,
      baseUrl: () => this.baseUrlValue,
      nextId: () => this.nextId(),
    });
    const pageBase = () => this.baseUrlValue;
    this.actions = new MockCorporateActions(pageBase, () => this.nextId(), options.maxPageSize);
    if (options.corporateActions) this.corporateActions = options.corporateActions;
    this.server = createServer((req, res) => void this.handle(req, res));
    this.stream = new PolygonMockStream(this.server, options.apiKey, this.tape, () => this.now());
  }

  get baseUrl(): string {
    return this.baseUrlValue;
  }

  /** What `/v3/reference/splits` and `/v3/reference/dividends` serve (tests may change it). */
  get corporateActions(): CorporateActions {
    return this.actions.actions;
  }

  set corporateActions(actions: CorporateActions) {
    this.actions.actions = actions;
    this.tape.splits = actions.splits;
  }

  get websocketUrl(): string {
    return `${this.baseUrlValue.replace(/^http/, 'ws')}/stocks`;
  }

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, host, resolve));
    const address = this.server.address() as AddressInfo;
    this.baseUrlValue = `http://${host}:${address.port}`;
    return this.baseUrlValue;
  }

  async stop(): Promise<void> {
    await this.stream.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queues a fault; it applies to the next `times` (default 1) matching requests. */
  inject(fault: MockFault): void {
    this.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Requests whose path starts with `prefix`. */
  count(prefix = '/'): number {
    return this.requests.filter((r) => r.path.startsWith(prefix)).length;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock');
    const query = Object.fromEntries(url.searchParams);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const key = bearer ?? query['apiKey'];
    this.requests.push({
      path: url.pathname,
      query: { ...query, ...(query['apiKey'] ? { apiKey: '[key]' } : {}) },
      auth: bearer ? 'bearer' : query['apiKey'] ? 'query' : 'none',
      at: this.now(),
    });

    if (!key)
      return this.send(res, {
        status: 401,
        body: { status: 'ERROR', request_id: this.nextId(), error: 'API Key was not provided' },
      });
    if (key !== this.options.apiKey)
      return this.send(res, {
        status: 401,
        body: { status: 'ERROR', request_id: this.nextId(), error: 'Unknown API Key' },
      });

    const fault = this.takeFault(url.pathname);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.kind === 'malformed') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"status":"OK","tickers":[{"ticker":"AAPL","day":{');
      return;
    }
    if (fault?.kind === 'status') {
      const headers: Record<string, string> =
        fault.retryAfterSec !== undefined ? { 'retry-after': String(fault.retryAfterSec) } : {};
      const error =
        fault.status === 429
          ? "You've exceeded the maximum requests per minute, please wait or upgrade your subscription to continue. https://polygon.io/pricing"
          : 'Internal server error';
      return this.send(
        res,
        { status: fault.status, body: { status: 'ERROR', request_id: this.nextId(), error } },
        headers,
      );
    }
    const reply = this.route(url);
    if (!reply) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 page not found');
      return;
    }
    this.send(res, reply);
  }

  private takeFault(path: string): MockFault | undefined {
    const index = this.faults.findIndex((f) => !f.path || path.startsWith(f.path));
    if (index < 0) return undefined;
    const fault = this.faults[index];
    if (--fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private send(res: ServerResponse, reply: MockReply, headers: Record<string, string> = {}): void {
    res
      .writeHead(reply.status, { 'content-type': 'application/json', ...headers })
      .end(toPolygonJson(reply.body));
  }

  private nextId(): string {
    return requestId(++this.counter);
  }

  private notEntitled(): MockReply {
    return {
      status: 403,
      body: {
        status: 'NOT_AUTHORIZED',
        request_id: this.nextId(),
        message:
          'You are not entitled to this data. Please upgrade your plan at https://massive.com/pricing',
      },
    };
  }

  private notFound(message: string): MockReply {
    return { status: 404, body: { status: 'NOT_FOUND', request_id: this.nextId(), message } };
  }

  /** The tape's tickers as the reference lists them: all active US stocks, filtered by `ticker=`. */
  private reference(query: URLSearchParams, now: number): MockReply {
    const ticker = query.get('ticker');
    const listed =
      query.get('active') !== 'false' && (query.get('market') ?? 'stocks') === 'stocks';
    const symbols = !listed
      ? []
      : ticker !== null
        ? [ticker].filter((s) => this.tape.knows(s))
        : [...this.tape.symbols];
    const results = symbols.map((s) => referenceTicker(s, now));
    return {
      status: 200,
      body: { results, status: 'OK', request_id: this.nextId(), count: results.length },
    };
  }

  private route(url: URL): MockReply | null {
    const path = url.pathname;
    const now = this.now();
    let m: RegExpExecArray | null;
    if (path === '/v2/snapshot/locale/us/markets/stocks/tickers') {
      if (!this.entitled) return this.notEntitled();
      const wanted = (url.searchParams.get('tickers') ?? '').split(',').filter((s) => s !== '');
      const tickers = (wanted.length > 0 ? wanted : [...this.tape.symbols])
        .filter((s) => this.tape.knows(s))
        .flatMap((s) => snapshotTicker(this.tape, s, now) ?? []);
      return {
        status: 200,
        body: { count: tickers.length, status: 'OK', tickers, request_id: this.nextId() },
      };
    }
    if ((m = /^\/v2\/snapshot\/locale\/us\/markets\/stocks\/tickers\/([^/]+)$/.exec(path))) {
      if (!this.entitled) return this.notEntitled();
      const ticker = this.tape.knows(m[1]) ? snapshotTicker(this.tape, m[1], now) : null;
      return ticker
        ? { status: 200, body: { request_id: this.nextId(), status: 'OK', ticker } }
        : this.notFound('Ticker not found.');
    }
    if ((m = /^\/v2\/last\/trade\/([^/]+)$/.exec(path))) {
      if (!this.entitled) return this.notEntitled();
      const results = this.tape.knows(m[1]) ? lastTradeResult(this.tape, m[1], now) : null;
      return results
        ? { status: 200, body: { request_id: this.nextId(), results, status: 'OK' } }
        : this.notFound('Data not found.');
    }
    if ((m = /^\/v2\/aggs\/ticker\/([^/]+)\/prev$/.exec(path))) {
      const result = this.tape.knows(m[1]) ? previousCloseResult(this.tape, m[1], now) : null;
      return { status: 200, body: this.aggs.envelope(m[1], result ? [result] : [], undefined) };
    }
    if (
      (m = /^\/v2\/aggs\/ticker\/([^/]+)\/range\/(\d+)\/(minute|hour|day)\/([^/]+)\/([^/]+)$/.exec(
        path,
      ))
    ) {
      const [, symbol, multiplier, timespan, from, to] = m;
      return this.aggs.range(
        url,
        { symbol, multiplier: Number(multiplier), timespan, from, to },
        now,
      );
    }
    if (path === '/v3/reference/tickers') return this.reference(url.searchParams, now);
    if (path === '/v3/reference/splits') return this.actions.splits(url);
    if (path === '/v3/reference/dividends') return this.actions.dividends(url);
    if (path === '/v1/marketstatus/now') return { status: 200, body: marketStatusNow(now) };
    if (path === '/v1/marketstatus/upcoming')
      return { status: 200, body: marketStatusUpcoming(now) };
    return null;
  }
}
