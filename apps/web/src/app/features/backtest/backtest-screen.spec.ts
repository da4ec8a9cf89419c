import { TestBed } from '@angular/core/testing';
import type { BacktestRun } from '@ptp/contracts';
import { MA_CROSSOVER } from '../../testing/fixtures';
import { HTTP_TESTING_PROVIDERS, envelope, httpTesting } from '../../testing/http-testing';
import { provideRouter } from '@angular/router';
import { provideDashboardCharts } from '../../shared/charts/chart-registration';
import { BacktestScreen } from './backtest-screen';

const strategies = [MA_CROSSOVER];

const running: BacktestRun = {
  id: 'bt-1',
  status: 'running',
  progress: 0.4,
  request: { strategy: 'ma-crossover', symbols: ['SPY'] },
  error: null,
  ranBy: 'api-1',
  createdAt: '2025-01-02T15:00:00.000Z',
  startedAt: '2025-01-02T15:00:00.000Z',
  finishedAt: null,
};
const page = (items: BacktestRun[]) => ({ items, total: items.length, limit: 50, offset: 0 });
const completed: BacktestRun = {
  ...running,
  status: 'completed',
  progress: 1,
  report: {
    fills: [],
    trades: [
      {
        symbol: 'SPY',
        entryTime: '2024-01-03',
        exitTime: '2024-02-01',
        quantity: 0.5,
        entryPrice: 470,
        exitPrice: 490,
        pnl: 10,
        commission: 0,
      },
    ],
    finalEquity: 510,
    cash: 510,
    positions: [],
    metrics: {
      totalReturn: 0.02,
      sharpe: 1.1,
      maxDrawdown: { pct: 0.015 },
      winRate: 1,
      tradeCount: 1,
    },
    equityCurve: [
      { time: '2024-01-02', equity: 500 },
      { time: '2024-02-01', equity: 510 },
    ],
  },
};

/** The screen with its strategies and an empty run list loaded. */
async function openScreen() {
  TestBed.configureTestingModule({
    providers: [...HTTP_TESTING_PROVIDERS, provideDashboardCharts(), provideRouter([])],
  });
  const fixture = TestBed.createComponent(BacktestScreen);
  const el = fixture.nativeElement as HTMLElement;
  const http = httpTesting();
  await fixture.whenStable();
  http.expectOne('/api/strategies').flush(envelope(strategies));
  http.expectOne((r) => r.url === '/api/backtests' && r.method === 'GET').flush(envelope(page([])));
  await fixture.whenStable();
  return { fixture, el, http };
}

describe('BacktestScreen', () => {
  it('posts the form with schema defaults, shows progress, then the equity chart, metrics and trades', async () => {
    const { fixture, el, http } = await openScreen();
    expect((el.querySelector('#bt-param-fast') as HTMLInputElement).value).toBe('10');

    (el.querySelector('[data-testid="bt-run"]') as HTMLButtonElement).click();
    const post = http.expectOne({ method: 'POST', url: '/api/backtests' });
    expect(post.request.body).toMatchObject({
      symbols: ['SPY'],
      strategy: 'ma-crossover',
      params: { fast: 10, slow: 30 },
      capital: 500,
      slippageBps: 5,
      from: '2025-01-02',
      to: '2025-01-31',
      source: { type: 'simulated', seed: 42 },
    });
    post.flush(envelope(running));
    await fixture.whenStable();
    http.match('/api/backtests/bt-1').forEach((r) => r.flush(envelope(running)));
    http
      .match((r) => r.url === '/api/backtests' && r.method === 'GET')
      .forEach((r) => r.flush(envelope(page([running]))));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="bt-progress"]')?.textContent).toContain('RUNNING 40%');

    fixture.componentInstance['select']('bt-1');
    http.expectOne('/api/backtests/bt-1').flush(envelope(completed));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="bt-progress"]')).toBeNull();
    expect(el.querySelector('[data-testid="bt-equity-chart"] canvas')).not.toBeNull();
    expect(el.querySelector('[data-testid="bt-metrics"]')?.textContent).toContain('$510.00');
    expect(el.querySelector('[data-testid="bt-metrics"]')?.textContent).toContain('2.00%');
    expect(el.querySelector('[data-testid="bt-metrics"]')?.textContent).toContain('1.50%');
    expect(el.querySelector('[data-testid="bt-trades"]')?.textContent).toContain('+$10.00');
  });

  it('sends a chosen CSV file as a multipart upload, and keeps Run disabled until a file is chosen', async () => {
    const { fixture, el, http } = await openScreen();

    const select = el.querySelector('[data-testid="bt-source"]') as HTMLSelectElement;
    select.value = 'csv';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    const run = el.querySelector('[data-testid="bt-run"]') as HTMLButtonElement;
    expect(run.disabled).toBe(true);

    const csv =
      'Date,Open,High,Low,Close,Adj Close,Volume\n2025-01-02,100,101,99,100.5,100.5,1000000\n';
    const input = el.querySelector('[data-testid="bt-csv"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', {
      value: [new File([csv], 'orcl.csv', { type: 'text/csv' })],
    });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="bt-csv-name"]')?.textContent).toContain('orcl.csv');
    expect(run.disabled).toBe(false);

    run.click();
    const post = http.expectOne({ method: 'POST', url: '/api/backtests/upload' });
    const form = post.request.body as FormData;
    expect(JSON.parse(form.get('request') as string)).toMatchObject({
      symbols: ['SPY'],
      strategy: 'ma-crossover',
      source: { type: 'csv' },
    });
    const file = form.get('file') as File;
    expect(file.name).toBe('orcl.csv');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(file);
    });
    expect(text).toBe(csv);
    post.flush(envelope(running));
  });
});
