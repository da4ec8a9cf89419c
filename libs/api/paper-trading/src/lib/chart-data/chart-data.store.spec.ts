import { ChartDataStore } from './chart-data.store';

describe('ChartDataStore', () => {
  const point = (time: number, equity: number) => ({ time, equity, cash: 100, benchmark: null });

  it('records an equity point equal to the last one only once, and changes neither data nor ETag for it', () => {
    const store = new ChartDataStore();
    store.initAccount('a', 500);
    store.recordEquity('a', point(60_000, 500));
    const before = store.snapshot('a', 'SPY', undefined);
    store.recordEquity('a', point(60_000, 500));
    const after = store.snapshot('a', 'SPY', undefined);
    expect(after?.data.equity).toEqual([point(60_000, 500)]);
    expect(after?.etag).toBe(before?.etag);
  });

  it('keeps a point of the same minute whose values changed, and serves it as an increment', () => {
    const store = new ChartDataStore();
    store.initAccount('a', 500);
    store.recordEquity('a', point(60_000, 500));
    const asOf = store.snapshot('a', 'SPY', undefined)?.data.asOf;
    store.recordEquity('a', point(60_000, 499.5));
    expect(store.snapshot('a', 'SPY', asOf)?.data).toMatchObject({
      incremental: true,
      equity: [point(60_000, 499.5)],
    });
  });
});
