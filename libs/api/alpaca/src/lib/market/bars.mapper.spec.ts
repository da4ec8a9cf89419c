import { aggregate, pageToken, parseBarsQuery } from './bars.mapper';

const T0 = Date.parse('2026-01-05T15:00:00Z');
const bar = (minute: number, close: number) => ({
  symbol: 'X',
  time: T0 + minute * 60_000,
  open: close - 1,
  high: close + 1,
  low: close - 2,
  close,
  volume: 10,
});

describe('bars', () => {
  it('folds minute bars into clock-aligned 5-minute bars', () => {
    expect(aggregate([bar(3, 10), bar(4, 12), bar(5, 11), bar(9, 13)], 5)).toEqual([
      { symbol: 'X', time: T0, open: 9, high: 13, low: 8, close: 12, volume: 20 },
      { symbol: 'X', time: T0 + 5 * 60_000, open: 10, high: 14, low: 9, close: 13, volume: 20 },
    ]);
  });

  it('reads the query and its page token', () => {
    const query = parseBarsQuery(
      { timeframe: '1Hour', limit: '5', page_token: pageToken('AAPL', T0), sort: 'desc' },
      T0,
    );
    expect(query).toMatchObject({
      timeframe: { timespan: 'hour', size: 1 },
      limit: 5,
      descending: true,
      page: { symbol: 'AAPL', time: T0 },
    });
    expect(() => parseBarsQuery({ timeframe: '1Hour', adjustment: 'some' }, T0)).toThrow(
      /adjustment/,
    );
    expect(() => parseBarsQuery({ timeframe: '1Day', limit: '0' }, T0)).toThrow(/limit/);
  });
});
