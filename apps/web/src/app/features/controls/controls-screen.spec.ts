import { TestBed } from '@angular/core/testing';
import type { PaperTradingStatus } from '@ptp/contracts';
import { MA_CROSSOVER, runtimeConfig } from '../../testing/fixtures';
import { HTTP_TESTING_PROVIDERS, envelope, httpTesting } from '../../testing/http-testing';
import { Subject } from 'rxjs';
import { PollingClock } from '../../core/polling/polling-clock.service';
import { ControlsScreen } from './controls-screen';

const config = runtimeConfig();

const idle = {
  accountId: 'default',
  state: 'idle',
  strategy: null,
  params: null,
  symbols: [],
  tickCount: 0,
  riskState: {
    code: 'DAILY_LOSS_LIMIT_HIT',
    message: 'daily loss limit hit: -26.10 ≤ -25.00',
    entriesBlocked: true,
    dayStartEquity: '500',
    dayPnl: '-26.1',
    dailyLossLimit: '25',
    dayTradeCount: 0,
  },
  lastError: null,
} as unknown as PaperTradingStatus;

/** The screen with strategies, config and an idle session loaded. */
async function render() {
  const ticks = new Subject<number>();
  TestBed.configureTestingModule({
    providers: [...HTTP_TESTING_PROVIDERS, { provide: PollingClock, useValue: { ticks$: ticks } }],
  });
  const fixture = TestBed.createComponent(ControlsScreen);
  await fixture.whenStable();
  const http = httpTesting();
  /** One polling round: every source answers afresh (new objects, as over HTTP). */
  const poll = async (session: PaperTradingStatus = idle) => {
    ticks.next(0);
    http.expectOne('/api/strategies').flush(envelope(JSON.parse(JSON.stringify([MA_CROSSOVER]))));
    http.expectOne('/api/config').flush(envelope(JSON.parse(JSON.stringify(config))));
    http.expectOne('/paper-trading/status').flush(envelope(JSON.parse(JSON.stringify(session))));
    http.match('/api/market/status');
    http.match('/api/portfolio');
    await fixture.whenStable();
  };
  await poll();
  const el = fixture.nativeElement as HTMLElement;
  const byId = (id: string) => el.querySelector(`[data-testid="${id}"]`) as HTMLInputElement;
  const type = async (id: string, value: string) => {
    byId(id).value = value;
    byId(id).dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  return { fixture, http, byId, poll, type };
}

describe('ControlsScreen', () => {
  it('keeps what the user is typing when the next polls bring the same settings', async () => {
    const { byId, poll, type } = await render();
    await type('param-fast', '2');
    await type('watchlist-input', 'SPY');
    await type('signal-interval', '5');
    // Prices move, so each status answer differs (equity) while the settings stay the same.
    await poll({ ...idle, equity: '501.20' });
    await poll({ ...idle, equity: '499.80' });
    expect(byId('param-fast').value).toBe('2');
    expect(byId('watchlist-input').value).toBe('SPY');
    expect(byId('signal-interval').value).toBe('5');
  });

  it('keeps an edited watchlist while a running session ticks, and shows what the session runs with', async () => {
    const { byId, poll, type } = await render();
    const running = {
      ...idle,
      state: 'running',
      strategy: 'ma-crossover',
      params: { fast: 3, slow: 8 },
      symbols: ['SPY', 'QQQ'],
      signalIntervalSec: 30,
      tickCount: 1,
    } as PaperTradingStatus;
    await poll(running);
    expect(byId('param-fast').value).toBe('3');
    expect(byId('watchlist-input').value).toBe('SPY, QQQ');
    await type('watchlist-input', 'SPY, QQQ, AAPL');
    await poll({ ...running, tickCount: 2 });
    expect(byId('watchlist-input').value).toBe('SPY, QQQ, AAPL');
  });

  it('starts a session with the edited parameters only after confirmation, and shows the risk state', async () => {
    const { fixture, http, byId } = await render();

    expect(byId('risk-state').textContent).toContain('DAILY_LOSS_LIMIT_HIT');
    expect(byId('risk-state').textContent).toContain('Entries blocked until the next session');
    expect(byId('watchlist-input').value).toBe('SPY, QQQ');

    byId('param-fast').value = '2';
    byId('param-fast').dispatchEvent(new Event('input'));
    byId('param-slow').value = '5';
    byId('param-slow').dispatchEvent(new Event('input'));
    await fixture.whenStable();
    byId('session-start').click();
    await fixture.whenStable();
    http.expectNone({ method: 'POST', url: '/paper-trading/start' });

    byId('session-start-confirm').click();
    const start = http.expectOne({ method: 'POST', url: '/paper-trading/start' });
    expect(start.request.body).toEqual({
      strategy: 'ma-crossover',
      params: { fast: 2, slow: 5 },
      symbols: ['SPY', 'QQQ'],
      signalIntervalSec: 60,
    });
  });

  it('does not offer Start while the parameters break the strategy rules', async () => {
    const { fixture, byId } = await render();
    byId('param-fast').value = '40';
    byId('param-fast').dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(byId('session-start').disabled).toBe(true);
  });
});
