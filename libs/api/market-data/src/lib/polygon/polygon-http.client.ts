import type { Secret } from '@ptp/api/config';
import type { MarketDataMetrics } from '@ptp/api/metrics';
import type { Clock } from '../provider/clock';
import { ProviderError, type ProviderErrorKind } from '../provider/provider-error';
import { parsePolygonJson } from './polygon-wire';
import type { BudgetLane, RequestBudget } from './request-budget';

export interface PolygonHttpOptions {
  readonly baseUrl: string;
  readonly apiKey: Secret;
  readonly timeoutMs: number;
  readonly maxRetries: number;
}

/** What a request came back with: 200 bodies and the 404s Polygon uses for "no such ticker / no data". */
export interface PolygonResponse {
  readonly status: 200 | 404;
  readonly body: unknown;
}

export interface PolygonLogger {
  log(message: string): void;
  warn(message: string): void;
}

const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 30_000;

class Retryable extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/** A request not sent because the budget had no slot to spare: nothing went wrong upstream. */
export class BudgetInUse extends ProviderError {
  constructor(message: string) {
    super('rate_limited', message);
  }
}

/**
 * Plain fetch against Polygon with the key in `Authorization: Bearer` (never in a URL, so it cannot
 * reach a log line), a timeout per attempt, the request budget, and retries with full jitter for 429,
 * 5xx, timeouts, dropped connections and malformed JSON. 401/403 fail at once.
 */
export class PolygonHttpClient {
  private readonly origin: string;

  constructor(
    private readonly options: PolygonHttpOptions,
    private readonly budget: RequestBudget,
    private readonly clock: Clock,
    private readonly logger: PolygonLogger,
    private readonly metrics: MarketDataMetrics | null = null,
  ) {
    this.origin = options.baseUrl.replace(/\/+$/, '');
  }

  /**
   * GETs a path (or a `next_url`, which is re-based on the configured origin so the key only goes
   * there), each attempt waiting for a slot of the budget's `lane`.
   */
  async get(
    pathOrUrl: string,
    query: Record<string, string> = {},
    lane: BudgetLane = 'refresh',
  ): Promise<PolygonResponse> {
    const url = this.urlFor(pathOrUrl, query);
    const label = url.pathname;
    for (let attempt = 0; ; attempt++) {
      await this.budget.take(lane);
      try {
        return await this.attempt(url);
      } catch (error) {
        if (!(error instanceof Retryable)) throw error;
        if (attempt >= this.options.maxRetries)
          throw new ProviderError(
            error.kind,
            `${label}: ${error.message} (after ${attempt + 1} attempts)`,
          );
        const backoff =
          error.retryAfterMs ??
          Math.random() * Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
        this.logger.warn(
          `Polygon ${label}: ${error.message}; retry ${attempt + 1}/${this.options.maxRetries} in ${Math.round(backoff)} ms`,
        );
        if (error.kind === 'rate_limited') this.budget.pauseFor(backoff);
        else await this.clock.sleep(backoff);
      }
    }
  }

  /**
   * One attempt, and only if the budget has a slot free now (leaving `spare` free for waiting callers):
   * for answers that can do without or come back later (market status, minute bars). A 429 still
   * pauses the whole budget, since it speaks for every request.
   */
  async getIfIdle(
    pathOrUrl: string,
    query: Record<string, string> = {},
    spare = 0,
  ): Promise<PolygonResponse> {
    const url = this.urlFor(pathOrUrl, query);
    if (!this.budget.tryTake(spare))
      throw new BudgetInUse(`${url.pathname}: skipped, the request budget is in use`);
    try {
      return await this.attempt(url);
    } catch (error) {
      if (!(error instanceof Retryable)) throw error;
      if (error.kind === 'rate_limited')
        this.budget.pauseFor(error.retryAfterMs ?? BACKOFF_BASE_MS);
      throw new ProviderError(error.kind, `${url.pathname}: ${error.message}`);
    }
  }

  private urlFor(pathOrUrl: string, query: Record<string, string>): URL {
    const relative = /^https?:\/\//.test(pathOrUrl)
      ? pathOrUrl.replace(/^https?:\/\/[^/]+/, '')
      : pathOrUrl;
    const url = new URL(this.origin + relative);
    url.searchParams.delete('apiKey');
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url;
  }

  private async attempt(url: URL): Promise<PolygonResponse> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${this.options.apiKey.reveal()}`,
        },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      text = await response.text();
      this.metrics?.upstreamRequest('polygon', String(response.status));
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      this.metrics?.upstreamRequest('polygon', timedOut ? 'timeout' : 'connection_failed');
      throw new Retryable(
        'unavailable',
        timedOut ? `no answer within ${this.options.timeoutMs} ms` : 'connection failed',
      );
    }
    if (response.status === 401 || response.status === 403) {
      throw new ProviderError(
        'unauthorized',
        response.status === 401
          ? 'API key invalid (HTTP 401)'
          : 'plan not entitled to this data (HTTP 403)',
      );
    }
    if (response.status === 429)
      throw new Retryable(
        'rate_limited',
        'rate limited (HTTP 429)',
        retryAfterMs(response.headers.get('retry-after'), this.clock.now()),
      );
    if (response.status >= 500) throw new Retryable('unavailable', `HTTP ${response.status}`);
    if (response.status !== 200 && response.status !== 404)
      throw new ProviderError('bad_response', `unexpected HTTP ${response.status}`);
    try {
      return { status: response.status, body: parsePolygonJson(text) };
    } catch (error) {
      // A 404 for an unknown path is plain text; only JSON 404s are Polygon's "not found" answers.
      if (response.status === 404) return { status: 404, body: null };
      throw new Retryable('bad_response', (error as Error).message);
    }
  }
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
