/** Where the cache reads the time (a stepped clock in tests). */
export interface LruClock {
  now(): number;
}

/**
 * At most `capacity` entries, the least recently used dropped first, each valid until the expiry it
 * was stored with: a cache whose size no caller can grow past its bound.
 */
export class ExpiringLru<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();

  constructor(
    private readonly capacity: number,
    private readonly clock: LruClock = { now: Date.now },
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.clock.now()) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Kept until `ttlMs` from now; `Infinity` keeps it until it is the least recently used past capacity. */
  set(key: K, value: V, ttlMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.clock.now() + ttlMs });
    if (this.entries.size > this.capacity)
      this.entries.delete(this.entries.keys().next().value as K);
  }
}
