import type { MarketDataMetrics } from '@ptp/api/metrics';
import type { Clock } from '../provider/clock';
import { ProviderError } from '../provider/provider-error';

/**
 * Who asks for a request slot: the periodic price refresh (one batched request per TTL, single-flight),
 * or a user lookup (bars, a ticker's reference entry), which may be many and must never crowd it out.
 */
export type BudgetLane = 'refresh' | 'lookup';

/** Share of the window lookups may not take: what the refresh can always count on. */
const REFRESH_SHARE = 0.4;
/** Lookups that may wait for a slot at once; more are refused at once rather than queued for minutes. */
export const MAX_WAITING_LOOKUPS = 50;

/**
 * At most `requestsPerMinute` requests in any sliding minute (Polygon's free plan: 5), kept as a log
 * of the last grants. A caller waits for its turn rather than being refused; a 429 pauses the whole
 * budget (`pauseFor`).
 *
 * Two lanes, each served in arrival order: the refresh may use every slot, a lookup only one that
 * leaves `refreshReserve` slots of the window free (40 %, at least one when the budget has two). However many lookups
 * users send, the next refresh finds a slot; lookups beyond `MAX_WAITING_LOOKUPS` waiting are
 * refused with `rate_limited`.
 */
export class RequestBudget {
  readonly capacity: number;
  readonly refreshReserve: number;
  private readonly windowMs: number;
  private readonly granted: number[] = [];
  private pausedUntil = 0;
  private readonly queues: Record<BudgetLane, Promise<void>> = {
    refresh: Promise.resolve(),
    lookup: Promise.resolve(),
  };
  private readonly waiting: Record<BudgetLane, number> = { refresh: 0, lookup: 0 };

  constructor(
    requestsPerMinute: number,
    private readonly clock: Clock,
    private readonly metrics: MarketDataMetrics | null = null,
  ) {
    this.capacity = Math.max(1, Math.floor(requestsPerMinute));
    this.windowMs = (this.capacity * 60_000) / requestsPerMinute;
    // With a single slot a minute nothing can be set aside without shutting lookups out.
    this.refreshReserve = Math.min(
      this.capacity - 1,
      Math.max(1, Math.ceil(this.capacity * REFRESH_SHARE)),
    );
  }

  /** Resolves when a request of `lane` may be sent; rejects at once when too many lookups wait. */
  take(lane: BudgetLane = 'refresh'): Promise<void> {
    if (lane === 'lookup' && this.waiting.lookup >= MAX_WAITING_LOOKUPS)
      return Promise.reject(
        new ProviderError('rate_limited', 'too many lookups are waiting for the request budget'),
      );
    this.waiting[lane]++;
    const askedAt = this.clock.now();
    const turn = this.queues[lane]
      .then(() => this.waitForTurn(lane === 'lookup' ? this.refreshReserve : 0))
      .then(() => this.metrics?.budgetWaited(lane, (this.clock.now() - askedAt) / 1000))
      .finally(() => this.waiting[lane]--);
    this.queues[lane] = turn;
    return turn;
  }

  /**
   * A request slot now, or false at once: for requests better skipped than delayed (market status,
   * which falls back to the calendar; minute bars, fetched again a minute later). It never jumps ahead
   * of callers already waiting, and leaves `spare` slots of the window free for them.
   */
  tryTake(spare = 0): boolean {
    const now = this.clock.now();
    if (
      this.waiting.refresh + this.waiting.lookup > 0 ||
      this.pausedUntil > now ||
      this.inWindow(now) + 1 + spare > this.capacity
    )
      return false;
    this.grant(now);
    return true;
  }

  /** No request before `ms` from now (a 429's Retry-After, or a backoff). */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  /** Waits until a slot is free with `reserve` more left free for others. */
  private async waitForTurn(reserve: number): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const wait = this.delay(now, reserve);
      if (wait <= 0) {
        this.grant(now);
        return;
      }
      await this.clock.sleep(Math.ceil(wait));
    }
  }

  /** How long until one more request fits in the window with `reserve` slots still free. */
  private delay(now: number, reserve: number): number {
    const usable = this.capacity - reserve;
    const oldest =
      this.granted.length >= usable ? this.granted[this.granted.length - usable] : -Infinity;
    return Math.max(this.pausedUntil - now, oldest + this.windowMs - now);
  }

  private inWindow(now: number): number {
    return this.granted.filter((at) => at + this.windowMs > now).length;
  }

  private grant(now: number): void {
    this.granted.push(now);
    if (this.granted.length > this.capacity) this.granted.shift();
  }
}
