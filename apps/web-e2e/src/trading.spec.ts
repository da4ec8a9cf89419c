import { type Page, expect, test } from '@playwright/test';

/**
 * The trading journey, in order, on one fresh account: the steps share the session state, so they
 * run serially and a failure skips the rest.
 */
test.describe.configure({ mode: 'serial' });

let page: Page;
/** The symbol of the session's first fill (step 3). */
let tradedSymbol = '';

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
});

test.afterAll(async () => {
  await page.close();
});

/** Fills appear within seconds at 600×; the generous bound only matters on a slow CI machine. */
const TRADING_TIMEOUT = 45_000;

async function screen(key: number, testId: string): Promise<void> {
  await page.keyboard.press(`Alt+${key}`);
  await expect(page.getByTestId(testId)).toBeVisible();
}

async function equityPoints(): Promise<number> {
  return Number((await page.getByTestId('equity-chart').getAttribute('data-points')) ?? 0);
}

async function sendTicket(symbol: string, notional: string): Promise<void> {
  await page.getByTestId('ticket-symbol').fill(symbol);
  await page.getByTestId('ticket-notional').fill(notional);
  await page.getByTestId('ticket-submit').click();
}

test('1 · load the dashboard', async () => {
  await page.goto('/');
  await expect(page.getByTestId('health-badge')).toHaveAttribute('data-state', 'healthy');
  await expect(page.getByTestId('overview-screen')).toBeVisible();
});

test('2 · start the MA-crossover session', async () => {
  await screen(3, 'controls-screen');
  await page.getByTestId('strategy-picker').selectOption('ma-crossover');
  await page.getByTestId('param-fast').fill('2');
  await page.getByTestId('param-slow').fill('5');
  // The session trades SPY and QQQ only, so the manual orders below start from no position in their symbols.
  await page.getByTestId('watchlist-input').fill('SPY, QQQ');
  await page.getByTestId('signal-interval').fill('1');
  await page.getByTestId('session-start').click();
  await page.getByTestId('session-start-confirm').click();
  await expect(page.getByTestId('session-badge')).toHaveText('RUNNING');
  await expect(page.getByTestId('session-state')).toContainText('RUNNING');
});

test('3 · see a fill appear and the equity chart update', async () => {
  await screen(1, 'overview-screen');
  const pointsBefore = await equityPoints();

  await screen(2, 'activity-screen');
  const firstFill = page.getByTestId('fill-row').first();
  await expect(firstFill).toBeVisible({ timeout: TRADING_TIMEOUT });
  const symbol = (await firstFill.locator('td').nth(1).innerText()).trim();
  expect(['SPY', 'QQQ']).toContain(symbol);
  tradedSymbol = symbol;

  await screen(4, 'price-chart-screen');
  await page.getByTestId(`chart-symbol-${symbol}`).click();
  await expect
    .poll(async () => Number(await page.getByTestId('price-chart').getAttribute('data-fills')), {
      timeout: TRADING_TIMEOUT,
    })
    .toBeGreaterThan(0);

  await screen(1, 'overview-screen');
  await expect.poll(equityPoints, { timeout: TRADING_TIMEOUT }).toBeGreaterThan(pointsBefore);
  await expect(page.getByTestId('equity-chart').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('kpi-equity')).toContainText('$');
});

test('3b · candles carry the strategy indicators, and a fill shows its decision', async () => {
  await screen(4, 'price-chart-screen');
  await page.getByTestId(`chart-symbol-${tradedSymbol}`).click();
  const chart = page.getByTestId('price-chart');
  await expect
    .poll(async () => Number(await chart.getAttribute('data-candles')))
    .toBeGreaterThan(10);
  // The session runs ma-crossover: its fast and slow SMAs come from the indicators endpoint.
  await expect(chart).toHaveAttribute('data-indicators', '2');
  await expect(page.getByTestId('indicator-source')).toContainText('ma-crossover');
  await expect(page.getByTestId('indicator-source')).toContainText('fast 2 · slow 5');

  const row = page
    .getByTestId('chart-fill-row')
    .filter({ hasText: /ENTER|EXIT/ })
    .first();
  await expect(row).toBeVisible({ timeout: TRADING_TIMEOUT });
  await row.getByRole('button', { name: 'On chart' }).focus();
  const tooltip = page.getByTestId('chart-tooltip');
  await expect(tooltip).toContainText(/(BUY|SELL) [\d.]+ @ [\d.]+/);
  await expect(tooltip).toContainText(/Signal: (ENTER|EXIT)/);
  await expect(tooltip).toContainText(/smaFast = [\d.]+/);
  await expect(tooltip).toContainText('Risk: approved');

  for (const timeframe of ['5m', '15m', '1h', '1d', '1m']) {
    await page.getByTestId(`timeframe-${timeframe}`).click();
    await expect(page.getByTestId(`timeframe-${timeframe}`)).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  }
  await expect
    .poll(async () => Number(await chart.getAttribute('data-candles')))
    .toBeGreaterThan(10);

  await row.getByRole('button', { name: 'Decision' }).click();
  await expect(page.getByTestId('decisions-screen')).toBeVisible();
  const selected = page.locator('[data-testid="decision-row"][aria-current="true"]');
  await expect(selected).toHaveCount(1);
  await expect(selected).toContainText(/ENTER|EXIT/);
  await expect(selected).toContainText('approved');
});

test('4 · place a manual notional order and see the position', async () => {
  await screen(2, 'activity-screen');
  await sendTicket('AAPL', '20');
  await expect(page.getByTestId('ticket-accepted')).toContainText('BUY AAPL filled');
  const position = page.getByTestId('position-AAPL');
  await expect(position).toBeVisible();
  await expect(position.locator('td').nth(4)).toContainText('$');
});

test('5 · have an over-limit order rejected with the risk message shown', async () => {
  // 80 dollars of one symbol is more than 10 % of a 500 dollar account.
  await sendTicket('MSFT', '80');
  const rejection = page.getByTestId('ticket-rejection');
  await expect(rejection).toBeVisible();
  await expect(page.getByTestId('ticket-rejection-code')).toHaveText('RISK_MAX_POSITION');
  await expect(page.getByTestId('ticket-rejection-message')).toContainText('10% of equity');
  await expect(page.getByTestId('ticket-rejection-limit')).toHaveText(/^\$\d{2}\.\d{2}$/);
  await expect(page.getByTestId('ticket-rejection-requested')).toHaveText('$80.00');
  await expect(page.getByTestId('position-MSFT')).toHaveCount(0);
});

test('a working limit order is listed under open orders and its cancel button cancels it', async () => {
  await page.getByTestId('ticket-type').selectOption('limit');
  await page.getByTestId('ticket-limit').fill('1');
  await sendTicket('MSFT', '5');
  await expect(page.getByTestId('ticket-accepted')).toContainText('working');
  const order = page.getByTestId('open-orders-table').locator('tbody tr', { hasText: 'MSFT' });
  await expect(order).toHaveCount(1);
  await order.getByRole('button', { name: /^Cancel order/ }).click();
  await expect(order).toHaveCount(0);
});

test("an Alpaca bot's orders show on the dashboard like any other, and the dashboard's cancel reaches the bot", async () => {
  // Local mode: Alpaca's API accepts any key pair and trades the default account, as a bot would.
  const headers = { 'APCA-API-KEY-ID': 'bot', 'APCA-API-SECRET-KEY': 'secret' };
  const post = async (order: object) => {
    const response = await page.request.post('/v2/orders', { headers, data: order });
    expect(response.status()).toBe(200);
    return (await response.json()) as { id: string; status: string };
  };
  const bought = await post({
    symbol: 'IBM',
    notional: '10',
    side: 'buy',
    type: 'market',
    time_in_force: 'day',
  });
  const working = await post({
    symbol: 'MSFT',
    qty: '1',
    side: 'buy',
    type: 'limit',
    limit_price: '1',
    time_in_force: 'gtc',
  });
  await screen(2, 'activity-screen');
  await expect(page.getByTestId('position-IBM')).toBeVisible();
  const fills = page.getByTestId('fill-row').filter({ hasText: 'IBM' });
  await expect(fills.first()).toBeVisible();
  const order = page.getByTestId('open-orders-table').locator('tbody tr', { hasText: 'MSFT' });
  await expect(order).toHaveCount(1);
  await order.getByRole('button', { name: /^Cancel order/ }).click();
  await expect(order).toHaveCount(0);
  const seen = await page.request.get(`/v2/orders/${working.id}`, { headers });
  expect(((await seen.json()) as { status: string }).status).toBe('canceled');
  const filled = await page.request.get(`/v2/orders/${bought.id}`, { headers });
  expect(((await filled.json()) as { status: string }).status).toBe('filled');
});

test('risk limits are validated in the browser and saved through /api/config', async () => {
  await screen(3, 'controls-screen');
  await page.getByTestId('risk-maxOpenPositions').fill('0');
  await page.getByTestId('risk-save').click();
  await expect(page.getByTestId('risk-limits-form')).toContainText('Between 1 and 100');
  await page.getByTestId('risk-maxOpenPositions').fill('6');
  await page.getByTestId('risk-save').click();
  await expect(page.getByTestId('controls-message')).toHaveText('Risk limits saved');
  await page.reload();
  await expect(page.getByTestId('risk-maxOpenPositions')).toHaveValue('6');
});

test('6 · stop the session', async () => {
  await screen(3, 'controls-screen');
  await page.getByTestId('session-stop').click();
  await page.getByTestId('session-stop-confirm').click();
  await expect(page.getByTestId('session-badge')).toHaveText('IDLE');
});

test('7 · run a small backtest and see its chart', async () => {
  await screen(6, 'backtest-screen');
  await page.getByTestId('bt-symbol').fill('SPY');
  await page.getByTestId('bt-source').selectOption('simulated');
  await page.getByTestId('bt-run').click();
  await expect(page.getByTestId('bt-equity-chart').locator('canvas')).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByTestId('bt-metrics')).toContainText('Round trips');
  await expect(page.getByTestId('bt-trades').locator('tbody tr').first()).toBeVisible();
});

test('8 · the performance screen breaks down the live account and the backtest', async () => {
  await screen(7, 'performance-screen');
  const panel = page.getByTestId('performance-panel');
  await expect(panel).toBeVisible();
  // The session traded SPY/QQQ and the manual orders AAPL: closed round trips appear per symbol.
  await expect(page.getByTestId('kpi-trade-count')).toContainText(/Trades\s*[1-9]\d*/);
  await expect(page.getByTestId('kpi-win-rate')).toContainText(/%|—/);
  await expect(page.getByTestId('performance-daily')).toHaveAttribute('data-days', /^[1-9]\d*$/);
  await expect(page.getByTestId('performance-months').locator('tbody th').first()).toHaveText(
    /^20\d\d$/,
  );
  await expect(page.getByTestId('performance-returns')).toBeVisible();

  // The run of step 7 is the newest completed backtest: first after "Live account".
  await page.getByTestId('performance-source').selectOption({ index: 1 });
  await expect(page.getByTestId('performance-screen')).toContainText('Performance · backtest');
  await expect(page.getByTestId('performance-source')).not.toHaveValue('live');
  await expect(page.getByTestId('kpi-trade-count')).toContainText(/Trades\s*[1-9]\d*/);
  await expect(page.getByTestId('symbol-pnl-SPY')).toContainText(/[+-]\$\d|\$0\.00/);
  await expect(page.getByTestId('kpi-avg-hold')).toContainText(/\d/);
  await expect(page.getByTestId('performance-returns')).toHaveAttribute('data-points', /^\d\d+$/);
});
