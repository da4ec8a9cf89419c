/** What the platform itself holds on to: watchlists, running sessions, open positions and orders. */
export type PinnedSymbols = () => ReadonlySet<string>;

/**
 * The symbols market data keeps state for (prices, histories, stream subscriptions), each with when
 * it was last used, oldest first. Pinned symbols stay; the others are let go once idle for
 * `idleMs`, and at most `maxUnpinned` of them are kept: a new one pushes out the least recently used.
 */
export class SymbolTracker {
  private readonly lastUsed = new Map<string, number>();

  constructor(
    private readonly maxUnpinned: number,
    private readonly idleMs: number,
    private readonly pinned: PinnedSymbols,
  ) {}

  get symbols(): string[] {
    return [...this.lastUsed.keys()];
  }

  has(symbol: string): boolean {
    return this.lastUsed.has(symbol);
  }

  /** Tracked symbols no watchlist, session, position or order holds. */
  unpinned(): string[] {
    const pinned = this.pinned();
    return this.symbols.filter((symbol) => !pinned.has(symbol));
  }

  /**
   * Marks the symbols used at `now` (tracking the new ones); returns the ones to let go so the cap
   * holds, least recently used first. Symbols of this same call go last.
   */
  use(symbols: readonly string[], now: number): string[] {
    for (const symbol of symbols) {
      this.lastUsed.delete(symbol);
      this.lastUsed.set(symbol, now);
    }
    const unpinned = this.unpinned();
    return this.drop(unpinned.slice(0, Math.max(0, unpinned.length - this.maxUnpinned)));
  }

  /** The unpinned symbols idle for `idleMs` or longer at `now`, untracked and returned. */
  sweep(now: number): string[] {
    return this.drop(
      this.unpinned().filter((symbol) => now - (this.lastUsed.get(symbol) ?? now) >= this.idleMs),
    );
  }

  /** Stops tracking symbols that turned out not to be tradable after all. */
  forget(symbols: readonly string[]): void {
    this.drop(symbols);
  }

  private drop(symbols: readonly string[]): string[] {
    for (const symbol of symbols) this.lastUsed.delete(symbol);
    return [...symbols];
  }
}
