import { TestBed } from '@angular/core/testing';
import type { HealthReport } from '@ptp/contracts';
import { HTTP_TESTING_PROVIDERS, errorEnvelope, httpTesting } from '../../testing/http-testing';
import { HealthScreen, toHealthRows } from './health-screen';

const degraded: HealthReport = {
  status: 'error',
  info: { database: { status: 'up' } },
  error: {
    market_data: {
      status: 'down',
      provider: 'polygon',
      ageSec: 245,
      staleSymbols: ['SPY', 'QQQ'],
      state: 'degraded',
    },
  },
  details: {
    database: { status: 'up' },
    market_data: {
      status: 'down',
      provider: 'polygon',
      ageSec: 245,
      staleSymbols: ['SPY', 'QQQ'],
      state: 'degraded',
    },
    memory_heap: { status: 'up', usedBytes: 52_428_800 },
  },
  uptimeSec: 3725,
  checkedAt: '2026-01-05T15:00:00.000Z',
  version: '0.1.0',
};

describe('toHealthRows', () => {
  it('reads ages as durations, sizes as bytes and lists as words', () => {
    const rows = toHealthRows(degraded.details);
    expect(rows.find((r) => r.name === 'market_data')?.details).toEqual([
      { key: 'provider', value: 'polygon' },
      { key: 'ageSec', value: '4m 05s' },
      { key: 'staleSymbols', value: 'SPY, QQQ' },
      { key: 'state', value: 'degraded' },
    ]);
    expect(rows.find((r) => r.name === 'memory_heap')?.details).toEqual([
      { key: 'usedBytes', value: '50.0 MB' },
    ]);
  });
});

describe('HealthScreen', () => {
  it('shows a 503 report as data: overall state, version, uptime and the failing check', async () => {
    TestBed.configureTestingModule({ providers: HTTP_TESTING_PROVIDERS });
    const fixture = TestBed.createComponent(HealthScreen);
    await fixture.whenStable();
    httpTesting()
      .expectOne('/health')
      .flush(
        errorEnvelope({
          code: 'HEALTH_CHECK_FAILED',
          message: 'Unhealthy: market_data',
          details: degraded,
        }),
        { status: 503, statusText: 'Service Unavailable' },
      );
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const text = (id: string) => el.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();
    expect(text('health-overall')).toBe('UNHEALTHY');
    expect(text('health-version')).toBe('0.1.0');
    expect(text('health-uptime')).toBe('1h 02m 05s');
    expect(text('health-check-market_data')).toContain('DOWN');
    expect(text('health-check-market_data')).toContain('4m 05s');
    expect(text('health-check-database')).toContain('UP');
  });
});
