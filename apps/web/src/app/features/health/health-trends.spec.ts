import type { HealthReport } from '@ptp/contracts';
import { appendHealthSample, trendRows } from './health-trends';

const report = (heap: number, ageSec: number): HealthReport => ({
  status: 'ok',
  info: {},
  error: {},
  details: {
    memory_heap: { status: 'up', usedBytes: heap, limitBytes: 1024 },
    market_data: { status: 'up', ageSec, provider: 'simulated', staleSymbols: [] },
  },
  uptimeSec: 10,
  checkedAt: '2026-01-05T15:00:00.000Z',
  version: '0.1.0',
});

describe('health trends', () => {
  it('keeps the numeric details of each poll, capped, and formats sizes and ages', () => {
    let history = {};
    for (const [heap, age] of [
      [50 * 1024 * 1024, 1],
      [60 * 1024 * 1024, 2],
      [55 * 1024 * 1024, 65],
    ])
      history = appendHealthSample(history, report(heap, age), 2);
    expect(history).toEqual({
      'memory_heap.usedBytes': [60 * 1024 * 1024, 55 * 1024 * 1024],
      'memory_heap.limitBytes': [1024, 1024],
      'market_data.ageSec': [2, 65],
    });
    expect(trendRows(history)).toEqual([
      {
        key: 'memory_heap.usedBytes',
        latest: '55.0 MB',
        low: '55.0 MB',
        high: '60.0 MB',
        values: [60 * 1024 * 1024, 55 * 1024 * 1024],
      },
      {
        key: 'market_data.ageSec',
        latest: '1m 05s',
        low: '0m 02s',
        high: '1m 05s',
        values: [2, 65],
      },
    ]);
  });

  it('shows no trend before a measure moves', () => {
    const once = appendHealthSample({}, report(1, 1));
    expect(trendRows(once)).toEqual([]);
    expect(trendRows(appendHealthSample(once, report(1, 1)))).toEqual([]);
  });
});
