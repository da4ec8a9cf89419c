import { DEFAULT_PLATFORM_CONFIG } from '@ptp/api/config';
import { SYMBOL_PATTERN } from '@ptp/contracts';
import { DEFAULT_SIMULATED_WATCHLIST } from '@ptp/domain';
import { LISTED_SYMBOLS } from './listed-symbols';
import listing from './us-listed-symbols.json';

describe('the shipped list of US equities and ETFs', () => {
  it('holds over 600 tickers in the syntax the API accepts, each once, sorted per section', () => {
    const all = [...listing.equities, ...listing.etfs];
    expect(all.length).toBeGreaterThan(600);
    expect(LISTED_SYMBOLS.size).toBe(all.length);
    expect(all.filter((symbol) => !SYMBOL_PATTERN.test(symbol))).toEqual([]);
    expect(listing.equities).toEqual([...listing.equities].sort());
    expect(listing.etfs).toEqual([...listing.etfs].sort());
  });

  it('holds the default watchlists, index ETFs and class shares as Polygon writes them', () => {
    const expected = [
      ...DEFAULT_PLATFORM_CONFIG.trading.watchlist,
      ...DEFAULT_SIMULATED_WATCHLIST,
      ...['DIA', 'IWM', 'VTI', 'VOO', 'GLD', 'TLT', 'XLK', 'XLE', 'ARKK', 'BRK.B', 'BF.B'],
    ];
    expect(expected.filter((symbol) => !LISTED_SYMBOLS.has(symbol))).toEqual([]);
    expect(LISTED_SYMBOLS.has('BRK-B')).toBe(false);
  });
});
