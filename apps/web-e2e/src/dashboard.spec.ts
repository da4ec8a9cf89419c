import { expect, test } from '@playwright/test';
import { axeViolations } from './axe';

test.beforeEach(({ page }) => {
  // A script error is a failed test even when the page still looks fine.
  page.on('pageerror', (error) => {
    throw error;
  });
});

test('the dashboard loads and reports a healthy API', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('status-bar')).toBeVisible();
  await expect(page.getByTestId('health-badge')).toHaveAttribute('data-state', 'healthy');
  await expect(page.getByTestId('last-update')).not.toContainText('—');
  await expect(page.getByTestId('market-state')).toContainText(/OPEN|CLOSED/);
  // The e2e market is the simulated one around the clock, as shipped.
  await expect(page.getByTestId('market-countdown')).toHaveText('24/7');
  await expect(page.getByTestId('provider')).toContainText('simulated');
  await expect(page.getByTestId('data-age')).toContainText(/\d+m \d\ds/);
});

test('the health screen lists every check from /health', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('nav-system').click();
  await expect(page.getByTestId('health-overall')).toHaveText('HEALTHY');
  await expect(page.getByTestId('health-check-database')).toContainText('UP');
});

test.describe('desktop density', () => {
  test.use({ viewport: { width: 1600, height: 1000 } });

  test('controls show execution settings and open positions beside the session', async ({
    page,
    request,
  }) => {
    await page.goto('/controls');
    const session = await page.locator('.panel.session').boundingBox();
    const execution = await page.getByTestId('execution-form').boundingBox();
    expect(execution && session && execution.x > session.x + session.width).toBe(true);
    await expect(page.getByTestId('positions-table')).toBeInViewport();
    await expect(page.getByTestId('risk-day-trades')).toHaveText(/^\d+$/);
    await page.getByTestId('execution-maxVolumePct').fill('10');
    await page.getByTestId('execution-limitFillRule').selectOption('through');
    await page.getByTestId('execution-save').click();
    await expect(page.getByTestId('controls-message')).toHaveText('Execution settings saved');
    const saved = (await (await request.get('/api/config')).json()).data.execution;
    expect(saved).toEqual({ maxVolumePct: 10, limitFillRule: 'through' });
    // Back to whole fills, so the trading journey that follows runs as shipped.
    await page.getByTestId('execution-maxVolumePct').fill('');
    await page.getByTestId('execution-limitFillRule').selectOption('touch');
    await page.getByTestId('execution-save').click();
    await expect(page.getByTestId('execution-maxVolumePct')).toHaveValue('');
    await expect
      .poll(async () => (await (await request.get('/api/config')).json()).data.execution)
      .toEqual({ maxVolumePct: null, limitFillRule: 'touch' });
  });

  test('accounts open on the current account compared, with its statistics', async ({ page }) => {
    await page.goto('/accounts');
    const row = page.getByTestId('comparison-default');
    await expect(row).toBeVisible();
    await expect(row).toContainText(/[+-]?\d+\.\d\d%/);
    await expect(page.getByTestId('accounts-comparison').locator('canvas')).toBeVisible();
  });

  test('health shows this process and how its measures move, poll after poll', async ({ page }) => {
    await page.goto('/system');
    await expect(page.getByTestId('health-instance')).toContainText('Role');
    // Measures that move (data age, heap, RSS) get a sparkline once a second poll differs.
    const trend = page.getByTestId('health-trends').locator('tbody tr[data-testid^="trend-"]');
    await expect(trend.first()).toBeVisible({ timeout: 20_000 });
  });
});

test('every screen renders and stays usable, reachable from the keyboard', async ({ page }) => {
  await page.goto('/');
  const screens = [
    'overview-screen',
    'activity-screen',
    'controls-screen',
    'price-chart-screen',
    'decisions-screen',
    'backtest-screen',
    'performance-screen',
    'accounts-screen',
    'health-panel',
  ];
  for (const [index, screen] of screens.entries()) {
    await page.keyboard.press(`Alt+${index + 1}`);
    await expect(page.getByTestId(screen)).toBeVisible();
    await expect(page.getByTestId('status-bar')).toBeVisible();
  }
});

test('fills export as CSV from the activity screen', async ({ page, request }) => {
  await page.goto('/activity');
  const link = page.getByTestId('trades-csv');
  // The anchor is in the page a moment before its bound href: wait for the value, do not read once.
  await expect(link).toHaveAttribute('href', '/api/trades.csv');
  const csv = await request.get((await link.getAttribute('href')) ?? '');
  expect(csv.ok()).toBe(true);
  expect((await csv.text()).split('\n')[0]).toContain('symbol');
});

test('the activity screen lists splits and dividends next to fills, axe-clean', async ({
  page,
}) => {
  // The e2e market books no corporate actions: the real answer of GET /api/activities gets a split
  // and a paid dividend added, as an account that held shares through them would see.
  const common = { accountId: 'default', symbol: 'AAPL', time: '2026-02-02T14:30:00.000Z' };
  const corporate = [
    {
      ...common,
      id: 'e2e-A2',
      type: 'dividend',
      phase: 'paid',
      exDate: '2026-01-26',
      payDate: '2026-02-02',
      cashAmount: '0.25',
      quantity: '10',
      amount: '2.5',
    },
    {
      ...common,
      id: 'e2e-A1',
      type: 'split',
      date: '2026-02-02',
      splitFrom: '1',
      splitTo: '2',
      quantityBefore: '10',
      quantityAfter: '20',
    },
  ];
  await page.route('**/api/activities?*', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.data.items = [...corporate, ...body.data.items];
    body.data.total += corporate.length;
    await route.fulfill({ response, json: body });
  });
  await page.goto('/activity');
  const table = page.getByTestId('activity-table');
  const split = table.locator('[data-kind="split"]');
  await expect(split).toContainText('SPLIT');
  await expect(split).toContainText('10 → 20');
  await expect(split).toContainText('2-for-1');
  const dividend = table.locator('[data-kind="dividend"]');
  await expect(dividend).toContainText('DIVIDEND PAID');
  await expect(dividend).toContainText('+$2.50');
  expect(await axeViolations(page)).toEqual([]);
});

/** A Yahoo daily CSV of a slow sine around $100: fast and slow averages cross several times in 200 days. */
function sineCsv(): string {
  const rows = ['Date,Open,High,Low,Close,Adj Close,Volume'];
  const day = new Date(Date.UTC(2024, 0, 2));
  for (let i = 0; rows.length <= 200; day.setUTCDate(day.getUTCDate() + 1)) {
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    const close = 100 + 10 * Math.sin(i++ / 12);
    rows.push(
      `${day.toISOString().slice(0, 10)},${close.toFixed(2)},${(close + 1).toFixed(2)},${(close - 1).toFixed(2)},${close.toFixed(2)},${close.toFixed(2)},1000000`,
    );
  }
  return rows.join('\n') + '\n';
}

test('backtests an uploaded CSV file and shows its chart and trades', async ({ page }) => {
  await page.goto('/');
  // The shortcut works once the dashboard is up; a key pressed before that is lost.
  await expect(page.getByTestId('status-bar')).toBeVisible();
  await page.keyboard.press('Alt+6');
  await page.getByTestId('bt-symbol').fill('TEST');
  await page.getByTestId('bt-from').fill('2024-01-01');
  await page.getByTestId('bt-to').fill('2024-12-31');
  await page.getByTestId('bt-source').selectOption('csv');
  await expect(page.getByTestId('bt-run')).toBeDisabled();
  await page.getByTestId('bt-csv').setInputFiles({
    name: 'test-daily.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(sineCsv()),
  });
  await expect(page.getByTestId('bt-csv-name')).toHaveText('test-daily.csv');
  await page.getByTestId('bt-run').click();
  await expect(page.getByTestId('bt-equity-chart').locator('canvas')).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId('bt-trades').locator('tbody tr').first()).toBeVisible();
});
