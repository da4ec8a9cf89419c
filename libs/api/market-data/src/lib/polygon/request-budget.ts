import type { Clock } from '../provider/clock';

/**
 * At most `requestsPerMinute` requests in any sliding minute (Polygon's free plan: 5), kept as a log
 * of the last grants. A caller waits for its turn rather than being refused; a 429 pauses the whole
 * budget (`pauseFor`).
 */
export class RequestBudget {
  private readonly capacity: number;
  private readonly windowMs: number;
  private readonly granted: number[] = [];
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();
  private waiting = 0;

  constructor(
    requestsPerMinute: number,
    private readonly clock: Clock,
  ) {
    this.capacity = Math.max(1, Math.floor(requestsPerMinute));
    this.windowMs = (this.capacity * 60_000) / requestsPerMinute;
  }

  /** Resolves when a request may be sent; callers are served in arrival order. */
  take(): Promise<void> {
    this.waiting++;
    const turn = this.queue.then(() => this.waitForTurn()).finally(() => this.waiting--);
    this.queue = turn;
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
      this.waiting > 0 ||
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

  private async waitForTurn(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const wait = this.delay(now);
      if (wait <= 0) {
        this.grant(now);
        return;
      }
      await this.clock.sleep(Math.ceil(wait));
    }
  }

  private delay(now: number): number {
    const oldest =
      this.granted.length >= this.capacity
        ? this.granted[this.granted.length - this.capacity]
        : -Infinity;
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
