import type { ProviderQuote } from '../provider/market-data.provider';

/** A price with the wall time the platform received it from upstream. */
export interface CachedQuote {
  readonly quote: ProviderQuote;
  readonly receivedAt: number;
}

/**
 * A cache shared by several API processes (Redis): whoever refreshes first writes the prices, the
 * others read them instead of calling upstream, and a lock lets only one of them refresh at a time.
 */
export abstract class SharedQuoteStore {
  abstract read(symbols: readonly string[]): Promise<Map<string, CachedQuote>>;
  abstract write(entries: readonly CachedQuote[], ttlMs: number): Promise<void>;
  /** True when this process may refresh now; the lock expires by itself after `ttlMs`. */
  abstract tryLock(ttlMs: number): Promise<boolean>;
  abstract unlock(): Promise<void>;
  abstract close(): Promise<void>;
}
