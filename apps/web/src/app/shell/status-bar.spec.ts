import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MarketStatusResponse, PaperTradingStatus } from '@ptp/contracts';
import { HTTP_TESTING_PROVIDERS, envelope, httpTesting } from '../testing/http-testing';
import { StatusBar } from './status-bar';

const NOW = Date.parse('2025-03-10T15:00:00Z');

const market: MarketStatusResponse = {
  open: true,
  alwaysOpen: false,
  clockRate: 1,
  session: {
    open: Date.parse('2025-03-10T13:30:00Z'),
    close: Date.parse('2025-03-10T20:00:00Z'),
    earlyClose: false,
  },
  nextOpen: Date.parse('2025-03-11T13:30:00Z'),
  nextClose: Date.parse('2025-03-10T20:00:00Z'),
  provider: 'simulated',
  providerState: 'ok',
  asOf: NOW,
};

const session = {
  accountId: 'default',
  state: 'running',
  strategy: 'ma-crossover',
  equity: '512.3456',
  cash: '400',
  dayPnl: '-3.2',
} as PaperTradingStatus;

describe('StatusBar', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
  });
  afterEach(() => jest.useRealTimers());

  it('shows market state with a countdown, provider, data age, session, equity and day P&L', async () => {
    TestBed.configureTestingModule({ providers: [...HTTP_TESTING_PROVIDERS, provideRouter([])] });
    const fixture = TestBed.createComponent(StatusBar);
    fixture.detectChanges();
    const http = httpTesting();
    http.expectOne('/paper-trading/status').flush(envelope(session));
    http.expectOne('/api/market/status').flush(envelope(market));
    http.expectOne('/health').flush(
      envelope({
        status: 'ok',
        info: {},
        error: {},
        details: { market_data: { status: 'up', state: 'ok', ageSec: 75 } },
        uptimeSec: 5,
        version: '0.1.0',
      }),
    );
    fixture.detectChanges();
    const text = (id: string) =>
      (fixture.nativeElement as HTMLElement)
        .querySelector(`[data-testid="${id}"]`)
        ?.textContent?.replace(/\s+/g, ' ')
        .trim();

    expect(text('market-state')).toContain('OPEN');
    expect(text('market-state')).toContain('closes in');
    expect(text('market-countdown')).toBe('5h 00m 00s');
    expect(text('provider')).toContain('simulated');
    expect(text('data-age')).toContain('1m 15s');
    expect(text('session-state')).toContain('RUNNING');
    expect(text('status-equity')).toBe('$512.35');
    expect(text('status-day-pnl')).toBe('-$3.20');
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="status-day-pnl"]')
        ?.className,
    ).toContain('loss');
    expect(text('health-badge')).toContain('HEALTHY');

    jest.advanceTimersByTime(1000);
    fixture.detectChanges();
    expect(text('market-countdown')).toBe('4h 59m 59s');
  });

  async function renderWith(status: MarketStatusResponse) {
    TestBed.configureTestingModule({ providers: [...HTTP_TESTING_PROVIDERS, provideRouter([])] });
    const fixture = TestBed.createComponent(StatusBar);
    fixture.detectChanges();
    httpTesting().expectOne('/api/market/status').flush(envelope(status));
    fixture.detectChanges();
    const text = (id: string) =>
      (fixture.nativeElement as HTMLElement)
        .querySelector(`[data-testid="${id}"]`)
        ?.textContent?.trim();
    return { fixture, text };
  }

  it('shows a market that never closes as OPEN 24/7, without a countdown', async () => {
    const { text } = await renderWith({ ...market, alwaysOpen: true });
    expect(text('market-state')).toContain('OPEN');
    expect(text('market-state')).not.toContain('closes in');
    expect(text('market-countdown')).toBe('24/7');
  });

  it('counts down on the simulated clock: a minute per second at 60×', async () => {
    const { fixture, text } = await renderWith({ ...market, clockRate: 60 });
    expect(text('market-countdown')).toBe('5h 00m 00s');
    jest.advanceTimersByTime(1000);
    fixture.detectChanges();
    expect(text('market-countdown')).toBe('4h 59m 00s');
  });
});
