import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { type CachedQuote, SharedQuoteStore } from './shared-quote-store';

/** Releases the lock only if this process still holds it. */
const UNLOCK_SCRIPT =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** The shared price cache in Redis (REDIS_URL): one key per symbol with a TTL, and a refresh lock. */
export class RedisQuoteStore extends SharedQuoteStore {
  private readonly redis: Redis;
  private readonly token = randomUUID();

  constructor(
    url: string,
    private readonly namespace: string,
  ) {
    super();
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      lazyConnect: false,
    });
    // Failures surface as rejected commands, which the price cache tolerates; the URL (and any
    // password in it) must not reach a log line through an 'error' event.
    this.redis.on('error', () => undefined);
  }

  async read(symbols: readonly string[]): Promise<Map<string, CachedQuote>> {
    const found = new Map<string, CachedQuote>();
    if (symbols.length === 0) return found;
    const values = await this.redis.mget(symbols.map((s) => this.key(s)));
    values.forEach((value, i) => {
      if (value) found.set(symbols[i], JSON.parse(value) as CachedQuote);
    });
    return found;
  }

  async write(entries: readonly CachedQuote[], ttlMs: number): Promise<void> {
    if (entries.length === 0) return;
    const batch = this.redis.multi();
    for (const entry of entries)
      batch.set(
        this.key(entry.quote.symbol),
        JSON.stringify(entry),
        'PX',
        Math.max(1, Math.round(ttlMs)),
      );
    await batch.exec();
  }

  async tryLock(ttlMs: number): Promise<boolean> {
    return (
      (await this.redis.set(
        `${this.namespace}lock`,
        this.token,
        'PX',
        Math.max(1, Math.round(ttlMs)),
        'NX',
      )) === 'OK'
    );
  }

  async unlock(): Promise<void> {
    await this.redis.eval(UNLOCK_SCRIPT, 1, `${this.namespace}lock`, this.token);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private key(symbol: string): string {
    return `${this.namespace}quote:${symbol}`;
  }
}
