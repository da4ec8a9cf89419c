import { SymbolTracker } from './symbol-tracker';

describe('symbol tracker', () => {
  const MINUTE = 60_000;
  let pinned: Set<string>;
  let tracker: SymbolTracker;

  beforeEach(() => {
    pinned = new Set(['SPY']);
    tracker = new SymbolTracker(3, 10 * MINUTE, () => pinned);
  });

  it('keeps at most the cap of unpinned symbols, pushing out the least recently used', () => {
    expect(tracker.use(['SPY', 'AAPL', 'MSFT'], 0)).toEqual([]);
    expect(tracker.use(['NVDA'], 1)).toEqual([]);
    // AAPL is used again, so MSFT is now the least recently used.
    expect(tracker.use(['AAPL'], 2)).toEqual([]);
    expect(tracker.use(['AMZN', 'META'], 3)).toEqual(['MSFT', 'NVDA']);
    expect(tracker.symbols.sort()).toEqual(['AAPL', 'AMZN', 'META', 'SPY']);
    expect(tracker.unpinned()).toHaveLength(3);
  });

  it('never counts or evicts pinned symbols, however many there are', () => {
    pinned = new Set(['SPY', 'QQQ', 'IWM', 'DIA', 'TLT']);
    tracker.use([...pinned], 0);
    expect(tracker.use(['AAPL', 'MSFT', 'NVDA', 'AMZN'], 1)).toEqual(['AAPL']);
    expect(tracker.sweep(60 * MINUTE)).toEqual(['MSFT', 'NVDA', 'AMZN']);
    expect(tracker.symbols.sort()).toEqual(['DIA', 'IWM', 'QQQ', 'SPY', 'TLT']);
  });

  it('lets idle symbols go once unused for the idle time, and keeps the ones used since', () => {
    tracker.use(['AAPL', 'MSFT'], 0);
    tracker.use(['MSFT'], 5 * MINUTE);
    expect(tracker.sweep(10 * MINUTE - 1)).toEqual([]);
    expect(tracker.sweep(10 * MINUTE)).toEqual(['AAPL']);
    expect(tracker.has('MSFT')).toBe(true);
    expect(tracker.sweep(15 * MINUTE)).toEqual(['MSFT']);
  });

  it('lets a symbol go once nothing pins it any more', () => {
    pinned.add('TSLA');
    tracker.use(['TSLA'], 0);
    expect(tracker.sweep(60 * MINUTE)).toEqual([]);
    pinned.delete('TSLA');
    expect(tracker.sweep(60 * MINUTE)).toEqual(['TSLA']);
  });
});
