import type { Bar } from '@ptp/domain';
import type { ProviderMarketStatus } from '../provider/market-data.provider';

/** How a bar travels: news (`bars$`) or history (a backfill). */
export type RelayedBarKind = 'publish' | 'record';

/** What the market-data leader shares of its market status (closures as [date, close] pairs). */
export interface SharedMarketStatus {
  readonly open: boolean | null;
  readonly closures: ReadonlyArray<readonly [string, { readonly close: number | null }]>;
}

/**
 * The coordination several API instances need to talk to upstream once (Redis, REDIS_URL): a lease
 * naming the market-data leader, the market's clock origin, a capped stream of the bars the leader
 * produced, the symbols every instance uses, and the leader's market status.
 */
export abstract class MarketRelay {
  /** Takes or renews the leader lease for `ttlMs`; false when another instance holds it. */
  abstract lead(ttlMs: number): Promise<boolean>;
  /** Gives the lease up at once (shutdown), if this instance holds it. */
  abstract resign(): Promise<void>;
  /** The market clock's origin the cluster agreed on (the first proposal wins); kept while someone leads. */
  abstract origin(proposed: number, keepMs: number): Promise<number>;
  abstract publish(bar: Bar, kind: RelayedBarKind): void;
  /** Reads the whole stream, oldest first; resolves to the id to follow from. */
  abstract replay(take: (bar: Bar, kind: RelayedBarKind) => void): Promise<string>;
  /** Hands every entry after `fromId` to `take` as it arrives, until `close`. */
  abstract follow(fromId: string, take: (bar: Bar, kind: RelayedBarKind) => void): void;
  /** Marks symbols as used by this instance at `now`. */
  abstract announce(symbols: readonly string[], now: number): Promise<void>;
  /** The symbols some instance used at or after `since` (at most `limit`, the most recent first). */
  abstract usedSince(since: number, limit: number): Promise<string[]>;
  abstract writeStatus(status: SharedMarketStatus, ttlMs: number): Promise<void>;
  abstract readStatus(): Promise<SharedMarketStatus | null>;
  abstract close(): Promise<void>;
}

export function toShared(status: ProviderMarketStatus): SharedMarketStatus {
  return { open: status.open, closures: [...status.closures.entries()] };
}
