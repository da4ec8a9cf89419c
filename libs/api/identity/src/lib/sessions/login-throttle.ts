/** Failures allowed before waiting starts: per user name, and per client address (which tries many names). */
export const FREE_FAILURES_PER_USER = 5;
export const FREE_FAILURES_PER_CLIENT = 20;
const FIRST_WAIT_MS = 1000;
const MAX_WAIT_MS = 15 * 60_000;
/** Forgets failures after this long without one. */
export const FORGET_AFTER_MS = 60 * 60_000;
/** A spray of made-up names must not grow memory without end. */
const MAX_TRACKED = 10_000;

interface Failures {
  count: number;
  last: number;
  blockedUntil: number;
}

/** The wait after the `count`-th failure in a row of a key that has `free` failures before waiting. */
export function backoffMs(count: number, free: number): number {
  const over = count - free;
  return over > 0 ? Math.min(FIRST_WAIT_MS * 2 ** (over - 1), MAX_WAIT_MS) : 0;
}

/** The keys a failure counts against: the user name, and the client address when known. */
export function failureKeys(userName: string, client: string | null): string[] {
  const user = `user:${userName.toLowerCase()}`;
  return client ? [user, `client:${client}`] : [user];
}

/** How many failures each of `failureKeys` allows before waiting starts. */
export const FREE_FAILURES = [FREE_FAILURES_PER_USER, FREE_FAILURES_PER_CLIENT];

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
    const waits = failureKeys(userName, client).map((key) => {
      const entry = this.failures.get(key);
      return entry ? entry.blockedUntil - now : 0;
    });
    return Math.max(0, Math.ceil(Math.max(...waits) / 1000));
  }

  failed(userName: string, client: string | null): void {
    const now = this.now();
    failureKeys(userName, client).forEach((key, index) => {
      const previous = this.failures.get(key);
      const count = previous && now - previous.last < FORGET_AFTER_MS ? previous.count + 1 : 1;
      const wait = backoffMs(count, FREE_FAILURES[index]);
      this.failures.delete(key);
      this.failures.set(key, { count, last: now, blockedUntil: now + wait });
    });
    this.trim();
  }

  succeeded(userName: string): void {
    this.failures.delete(failureKeys(userName, null)[0]);
  }

  /** Oldest first: a Map keeps insertion order and `failed` re-inserts what it touches. */
  private trim(): void {
    for (const key of this.failures.keys()) {
      if (this.failures.size <= MAX_TRACKED) return;
      this.failures.delete(key);
    }
  }
}
