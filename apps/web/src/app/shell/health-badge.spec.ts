import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { HealthReport } from '@ptp/contracts';
import {
  HTTP_TESTING_PROVIDERS,
  envelope,
  errorEnvelope,
  httpTesting,
} from '../testing/http-testing';
import { HealthBadge } from './health-badge';

const report = (status: HealthReport['status']): HealthReport => ({
  status,
  info: {},
  error: status === 'ok' ? {} : { market_data: { status: 'down', state: 'stale' } },
  details: { database: { status: 'up' } },
  uptimeSec: 12,
  checkedAt: '2026-01-05T15:00:00.000Z',
  version: '0.1.0',
});

async function render() {
  TestBed.configureTestingModule({
    imports: [HealthBadge],
    providers: [...HTTP_TESTING_PROVIDERS, provideRouter([])],
  });
  const fixture = TestBed.createComponent(HealthBadge);
  fixture.detectChanges();
  await fixture.whenStable();
  const badge = () =>
    fixture.nativeElement.querySelector('[data-testid="health-badge"]') as HTMLElement;
  return { fixture, badge };
}

describe('HealthBadge', () => {
  it('shows HEALTHY when /health answers 200 with status ok', async () => {
    const { fixture, badge } = await render();
    httpTesting()
      .expectOne('/health')
      .flush(envelope(report('ok')));
    await fixture.whenStable();
    expect(badge().textContent).toContain('HEALTHY');
    expect(badge().dataset['state']).toBe('healthy');
  });

  it('shows UNHEALTHY with the failing checks when /health answers 503', async () => {
    const { fixture, badge } = await render();
    httpTesting()
      .expectOne('/health')
      .flush(
        errorEnvelope({
          code: 'HEALTH_CHECK_FAILED',
          message: 'Unhealthy: market_data',
          details: report('error'),
        }),
        {
          status: 503,
          statusText: 'Service Unavailable',
        },
      );
    await fixture.whenStable();
    expect(badge().dataset['state']).toBe('unhealthy');
    expect(badge().getAttribute('title')).toContain('market_data');
  });

  it('shows UNREACHABLE when the server does not answer', async () => {
    const { fixture, badge } = await render();
    httpTesting().expectOne('/health').error(new ProgressEvent('error'), { status: 0 });
    await fixture.whenStable();
    expect(badge().dataset['state']).toBe('unreachable');
  });
});
