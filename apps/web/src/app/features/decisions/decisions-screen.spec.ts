import { TestBed } from '@angular/core/testing';
import type { Decision } from '@ptp/contracts';
import { HTTP_TESTING_PROVIDERS, envelope, httpTesting } from '../../testing/http-testing';
import { DecisionsScreen, indicatorText } from './decisions-screen';

const decision = (overrides: Partial<Decision>): Decision => ({
  id: 1,
  accountId: 'default',
  sessionId: 's1',
  time: '2025-01-02T15:00:00.000Z',
  symbol: 'SPY',
  strategy: 'ma-crossover',
  action: 'hold',
  reason: 'no cross',
  indicators: { fast: 601.123456, slow: null },
  riskOutcome: 'none',
  riskCode: null,
  riskReason: null,
  orderId: null,
  ...overrides,
});

describe('DecisionsScreen', () => {
  it('formats indicator readings, with warming-up ones as an ellipsis', () => {
    expect(indicatorText({ fast: 601.123456, slow: null })).toBe('fast=601.1235  slow=…');
  });

  it('lists signals with their risk outcome, hides holds by default and asks the API for an outcome filter', async () => {
    TestBed.configureTestingModule({ providers: HTTP_TESTING_PROVIDERS });
    const fixture = TestBed.createComponent(DecisionsScreen);
    await fixture.whenStable();
    const http = httpTesting();
    http
      .expectOne((r) => r.url === '/api/decisions')
      .flush(
        envelope({
          items: [
            decision({
              id: 3,
              action: 'enter',
              riskOutcome: 'rejected',
              riskCode: 'RISK_MAX_POSITION',
              riskReason: 'above 10% of equity',
            }),
            decision({ id: 2, action: 'exit', riskOutcome: 'approved', orderId: 'o-9' }),
            decision({ id: 1 }),
          ],
          total: 3,
          limit: 200,
          offset: 0,
        }),
      );
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const rows = () =>
      Array.from(el.querySelectorAll('[data-testid="decision-row"]')).map(
        (r) => r.textContent ?? '',
      );
    expect(rows()).toHaveLength(2);
    expect(rows()[0]).toContain('ENTER');
    expect(rows()[0]).toContain('rejected RISK_MAX_POSITION: above 10% of equity');
    expect(rows()[1]).toContain('o-9');

    const outcome = el.querySelector('[data-testid="decisions-outcome"]') as HTMLSelectElement;
    outcome.value = 'rejected';
    outcome.dispatchEvent(new Event('change'));
    const filtered = http.expectOne((r) => r.url === '/api/decisions');
    expect(filtered.request.params.get('outcome')).toBe('rejected');
    expect(filtered.request.params.get('limit')).toBe('200');
  });
});
