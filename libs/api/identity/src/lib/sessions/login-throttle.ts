/** Failures allowed before waiting starts: per user name, and per client address (which tries many names). */
export const FREE_FAILURES_PER_USER = 5;
export const FREE_FAILURES_PER_CLIENT = 20;
const FIRST_WAIT_MS = 1000;
const MAX_WAIT_MS = 15 * 60_000;
/** Forgets failures after this long without one. */
const FORGET_AFTER_MS = 60 * 60_000;
/** A spray of made-up names must not grow memory without end. */
const MAX_TRACKED = 10_000;

interface Failures {
  count: number;
  last: number;
  blockedUntil: number;
}

/**
 * Exponential backoff on failed logins: after the free failures each further one doubles the wait
 * (1 s, 2 s, 4 s … up to 15 min). A success clears the user's count, not the client's.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds to wait before the next attempt may be checked at all; 0 when it may. */
  retryAfterSec(userName: string, client: string | null): number {
    const now = this.now();
    const waits = this.keys(userName, client).map((key) => {
      const entry = this.failures.get(key);
      return entry ? entry.blockedUntil - now : 0;
    });
    return Math.max(0, Math.ceil(Math.max(...waits) / 1000));
  }

  failed(userName: string, client: string | null): void {
    const now = this.now();
    this.keys(userName, client).forEach((key, index) => {
      const free = index === 0 ? FREE_FAILURES_PER_USER : FREE_FAILURES_PER_CLIENT;
      const previous = this.failures.get(key);
      const count = previous && now - previous.last < FORGET_AFTER_MS ? previous.count + 1 : 1;
      const over = count - free;
      const wait = over > 0 ? Math.min(FIRST_WAIT_MS * 2 ** (over - 1), MAX_WAIT_MS) : 0;
      this.failures.delete(key);
      this.failures.set(key, { count, last: now, blockedUntil: now + wait });
    });
    this.trim();
  }

  succeeded(userName: string): void {
    this.failures.delete(this.keys(userName, null)[0]);
  }

  private keys(userName: string, client: string | null): string[] {
    const user = `user:${userName.toLowerCase()}`;
    return client ? [user, `client:${client}`] : [user];
  }

  /** Oldest first: a Map keeps insertion order and `failed` re-inserts what it touches. */
  private trim(): void {
    for (const key of this.failures.keys()) {
      if (this.failures.size <= MAX_TRACKED) return;
      this.failures.delete(key);
    }
  }
}
