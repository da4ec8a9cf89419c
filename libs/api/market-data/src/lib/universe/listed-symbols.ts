import listing from './us-listed-symbols.json';

/**
 * The US equities and ETFs the simulated and replay markets accept, shipped with the project (its
 * source and how to refresh it: docs/market-data.md). Polygon mode asks Polygon's reference instead.
 */
export const LISTED_SYMBOLS: ReadonlySet<string> = new Set([...listing.equities, ...listing.etfs]);
