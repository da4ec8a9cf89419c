import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { chartData } from '../../testing/fixtures';
import { HTTP_TESTING_PROVIDERS, envelope, httpTesting } from '../../testing/http-testing';
import { PollingClock } from '../polling/polling-clock.service';
import { AccountContext } from './account-context.service';
import { ChartDataStore } from './chart-data-store.service';

const first = chartData({
  asOf: 1000,
  equity: [{ time: 1000, equity: 500, cash: 500, benchmark: 500 }],
  prices: { SPY: [{ time: 1000, close: 600 }] },
});

describe('ChartDataStore', () => {
  let ticks: Subject<number>;

  beforeEach(() => {
    ticks = new Subject<number>();
    TestBed.configureTestingModule({
      providers: [
        ...HTTP_TESTING_PROVIDERS,
        { provide: PollingClock, useValue: { ticks$: ticks } },
      ],
    });
  });

  afterEach(() => localStorage.clear());

  it('asks for what is new with since= and If-None-Match, and keeps its data on a 304', () => {
    const store = TestBed.inject(ChartDataStore);
    const http = httpTesting();

    ticks.next(0);
    const initial = http.expectOne((r) => r.url === '/api/chart-data');
    expect(initial.request.params.has('since')).toBe(false);
    expect(initial.request.headers.has('If-None-Match')).toBe(false);
    initial.flush(envelope(first), { headers: { ETag: 'W/"v1"' } });
    expect(store.data()?.equity).toHaveLength(1);

    ticks.next(1);
    const idle = http.expectOne((r) => r.url === '/api/chart-data');
    expect(idle.request.params.get('since')).toBe('1000');
    expect(idle.request.headers.get('If-None-Match')).toBe('W/"v1"');
    idle.flush(null, { status: 304, statusText: 'Not Modified' });
    expect(store.data()?.equity).toHaveLength(1);
    expect(store.error()).toBeNull();

    ticks.next(2);
    http
      .expectOne((r) => r.url === '/api/chart-data')
      .flush(
        envelope({
          ...first,
          asOf: 2000,
          incremental: true,
          equity: [{ time: 2000, equity: 505, cash: 450, benchmark: 502 }],
          prices: {},
        }),
        {
          headers: { ETag: 'W/"v2"' },
        },
      );
    expect(store.data()?.equity.map((p) => p.equity)).toEqual([500, 505]);
    expect(store.data()?.asOf).toBe(2000);

    ticks.next(3);
    expect(
      http.expectOne((r) => r.url === '/api/chart-data').request.headers.get('If-None-Match'),
    ).toBe('W/"v2"');
  });

  it('keeps the last data when a poll fails, and starts afresh for another account', () => {
    const store = TestBed.inject(ChartDataStore);
    const http = httpTesting();
    ticks.next(0);
    http
      .expectOne((r) => r.url === '/api/chart-data')
      .flush(envelope(first), { headers: { ETag: 'W/"v1"' } });

    ticks.next(1);
    http
      .expectOne((r) => r.url === '/api/chart-data')
      .error(new ProgressEvent('error'), { status: 0 });
    expect(store.data()?.asOf).toBe(1000);
    expect(store.error()?.code).toBe('NETWORK_ERROR');

    TestBed.inject(AccountContext).select('acc-2');
    TestBed.tick();
    const fresh = http.expectOne((r) => r.url === '/api/chart-data');
    expect(fresh.request.params.get('accountId')).toBe('acc-2');
    expect(fresh.request.params.has('since')).toBe(false);
    expect(fresh.request.headers.has('If-None-Match')).toBe(false);
    expect(store.data()).toBeUndefined();
  });
});
