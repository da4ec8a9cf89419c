import type { RuntimeConfig } from '@ptp/contracts';
import { followedChange } from './session-follow';
import { BarInbox } from '../desk/bar-inbox';
import type { SessionSpec } from './session-spec';

const config = (fast: number, slow: number, watchlist: string[], signalIntervalSec: number) =>
  ({
    strategies: { 'ma-crossover': { fast, slow } },
    watchlist,
    signalIntervalSec,
  }) as unknown as RuntimeConfig;

const spec = (
  params: Record<string, number>,
  symbols: string[],
  signalIntervalSec: number,
): SessionSpec => ({
  id: 's',
  accountId: 'a',
  strategy: 'ma-crossover',
  params,
  symbols,
  signalIntervalSec,
  startedAt: 0,
  cursor: {},
  lastTickAt: null,
  inbox: new BarInbox(),
});

describe('followedChange', () => {
  it('moves the values the session took from the config and keeps the explicit ones', () => {
    const change = followedChange(
      spec({ fast: 10, slow: 50 }, ['AAPL'], 60),
      config(10, 30, ['SPY', 'QQQ'], 60),
      config(12, 40, ['SPY'], 120),
    );
    expect(change).toEqual({
      params: { fast: 12, slow: 50 },
      symbols: ['AAPL'],
      signalIntervalSec: 120,
    });
  });

  it('follows the watchlist when the session runs on it, and answers null when nothing it uses changed', () => {
    expect(
      followedChange(
        spec({ fast: 10, slow: 30 }, ['SPY', 'QQQ'], 60),
        config(10, 30, ['SPY', 'QQQ'], 60),
        config(10, 30, ['SPY'], 60),
      )?.symbols,
    ).toEqual(['SPY']);
    expect(
      followedChange(
        spec({ fast: 5, slow: 20 }, ['AAPL'], 30),
        config(10, 30, ['SPY'], 60),
        config(11, 31, ['QQQ'], 90),
      ),
    ).toBeNull();
  });

  it('keeps the params when following would make them invalid', () => {
    const change = followedChange(
      spec({ fast: 10, slow: 12 }, ['AAPL'], 60),
      config(10, 30, ['SPY'], 60),
      config(20, 30, ['SPY'], 90),
    );
    expect(change).toEqual({
      params: { fast: 10, slow: 12 },
      symbols: ['AAPL'],
      signalIntervalSec: 90,
    });
  });
});
