import type { Clock } from '../provider/clock';

/**
 * Caches the result of an async loader per key for `ttlMs`; concurrent misses for the same key share
 * one load. Failures are not cached, so the next caller tries again.
 */
export class SingleFlightCache<V> {
  private readonly values = new Map<string, { value: V; at: number }>();
  private readonly loading = new Map<string, Promise<V>>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
  ) {}

  /** Drops the cached values whose key matches (a load still running keeps its result). */
  drop(matches: (key: string) => boolean): void {
    for (const key of [...this.values.keys()]) if (matches(key)) this.values.delete(key);
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const cached = this.values.get(key);
    if (cached && this.clock.now() - cached.at < this.ttlMs) return Promise.resolve(cached.value);
    const pending = this.loading.get(key);
    if (pending) return pending;
    const promise = load()
      .then((value) => {
        if (this.values.size >= this.maxEntries) this.values.clear();
        this.values.set(key, { value, at: this.clock.now() });
        return value;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, promise);
    return promise;
  }
}
