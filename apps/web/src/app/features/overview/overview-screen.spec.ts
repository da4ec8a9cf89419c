import { TestBed } from '@angular/core/testing';
import type { Portfolio } from '@ptp/contracts';
import { Subject } from 'rxjs';
import { PollingClock } from '../../core/polling/polling-clock.service';
import { provideDashboardCharts } from '../../shared/charts/chart-registration';
import { accountMetrics, chartData, position } from '../../testing/fixtures';
import {
  HTTP_TESTING_PROVIDERS,
  envelope,
  errorEnvelope,
  httpTesting,
} from '../../testing/http-testing';
import { OverviewScreen } from './overview-screen';

const portfolio = {
  accountId: 'default',
  startingCapital: '500',
  cash: '447.5',
  positionsValue: '52.5',
  equity: '500',
  buyingPower: '447.5',
  totalPnl: '-0.004',
  totalPnlPct: '0',
  dayPnl: '-3.2',
  dayPnlPct: '-0.64',
  realizedPnl: '0',
  unrealizedPnl: '2.5',
  positions: [position()],
  asOf: '2025-01-02T15:00:00.000Z',
} as Portfolio;

const HOUR = 3_600_000;
const curve = chartData({
  equity: [
    { time: 0, equity: 500, cash: 500, benchmark: 500 },
    { time: HOUR, equity: 520, cash: 400, benchmark: 505 },
    { time: 2 * HOUR, equity: 494, cash: 400, benchmark: 498 },
  ],
});

async function render() {
  const ticks = new Subject<number>();
  TestBed.configureTestingModule({
    providers: [
      ...HTTP_TESTING_PROVIDERS,
      provideDashboardCharts(),
      { provide: PollingClock, useValue: { ticks$: ticks } },
    ],
  });
  const fixture = TestBed.createComponent(OverviewScreen);
  await fixture.whenStable();
  const http = httpTesting();
  ticks.next(0);
  http.expectOne((r) => r.url === '/api/chart-data').flush(envelope(curve));
  http.expectOne('/api/portfolio').flush(envelope(portfolio));
  http.expectOne('/api/metrics').flush(envelope(accountMetrics()));
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const text = (id: string) =>
    el.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
  const tile = (id: string) =>
    el.querySelector(`[data-testid="kpi-${id}"] .tile__value`)?.textContent?.trim();
  return { fixture, http, ticks, el, text, tile };
}

describe('OverviewScreen', () => {
  afterEach(() => httpTesting().match(() => true));

  it('renders the KPI tiles formatted, with P&L coloured by sign', async () => {
    const { el, tile } = await render();
    expect(tile('equity')).toBe('$500.00');
    expect(tile('cash')).toBe('$447.50');
    // -0.004 rounds to zero: no sign, no colour.
    expect(tile('total-pnl')).toBe('$0.00');
    expect(el.querySelector('[data-testid="kpi-total-pnl"] .tile__value')?.className).toContain(
      'flat',
    );
    expect(tile('day-pnl')).toBe('-$3.20');
    expect(el.querySelector('[data-testid="kpi-day-pnl"] .tile__value')?.className).toContain(
      'loss',
    );
    expect(tile('sharpe')).toBe('1.23');
    expect(tile('max-dd')).toBe('3.20%');
    expect(tile('win-rate')).toBe('55.6%');
  });

  it('draws the equity curve for the chosen range, and the allocation of the holdings', async () => {
    const { fixture, el } = await render();
    const equity = el.querySelector('[data-testid="equity-chart"]') as HTMLElement;
    expect(equity.dataset['points']).toBe('3');
    expect(equity.querySelector('canvas')).not.toBeNull();
    expect(el.querySelector('.allocation canvas')).not.toBeNull();

    (el.querySelector('[data-testid="range-1D"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="range-1D"]')?.getAttribute('aria-pressed')).toBe('true');
    expect(equity.dataset['points']).toBe('3');
  });

  it('keeps the last values when a poll fails, and says so', async () => {
    const { fixture, http, ticks, text, tile } = await render();
    ticks.next(1);
    http.match((r) => r.url === '/api/chart-data');
    http
      .expectOne('/api/portfolio')
      .flush(errorEnvelope({ code: 'INTERNAL_ERROR', message: 'boom' }), {
        status: 500,
        statusText: 'Server Error',
      });
    http.expectOne('/api/metrics').flush(envelope(accountMetrics()));
    await fixture.whenStable();
    expect(text('overview-error')).toContain('INTERNAL_ERROR');
    expect(tile('equity')).toBe('$500.00');
  });
});
