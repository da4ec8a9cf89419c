import { type Page, expect, test } from '@playwright/test';

/**
 * The command line's journey on one page: the history carries from one command to the next. It runs
 * after the trading journey (files run in name order), whose manual orders assume an untouched account.
 */
test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto('/overview');
  await expect(page.getByTestId('overview-screen')).toBeVisible();
});

test.afterAll(async () => {
  await page.close();
});

async function command(line: string): Promise<void> {
  // Escape leaves the command line, so '/' is the shortcut again rather than a typed character.
  await page.getByTestId('command-input').press('Escape');
  await page.keyboard.press('/');
  await expect(page.getByTestId('command-input')).toBeFocused();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

test('a ticker opens its chart', async () => {
  await command('AAPL');
  await expect(page).toHaveURL(/\/chart\/AAPL$/);
  await expect(page.getByTestId('price-chart-screen')).toContainText('Price · AAPL');
});

test('BUY and SELL prefill and focus the ticket without sending', async () => {
  await command('BUY AAPL 10');
  await expect(page.getByTestId('activity-screen')).toBeVisible();
  await expect(page.getByTestId('ticket-symbol')).toHaveValue('AAPL');
  await expect(page.getByTestId('ticket-quantity')).toHaveValue('10');
  await expect(page.getByTestId('ticket-submit')).toBeFocused();
  await expect(page.getByTestId('ticket-submit')).toHaveText('Send buy');

  await command('SELL MSFT $25');
  await expect(page.getByTestId('ticket-symbol')).toHaveValue('MSFT');
  await expect(page.getByTestId('ticket-notional')).toHaveValue('25');
  await expect(page.getByTestId('ticket-submit')).toHaveText('Send sell');
  await expect(page.getByTestId('ticket-submit')).toBeFocused();
  await expect(page.getByTestId('ticket-accepted')).toHaveCount(0);
  await expect(page.getByTestId('ticket-rejection')).toHaveCount(0);
});

test('START and STOP open the confirmation of that action', async () => {
  await command('START mixed');
  await expect(page.getByTestId('controls-screen')).toBeVisible();
  await expect(page.getByTestId('strategy-picker')).toHaveValue('mixed');
  await expect(page.getByTestId('session-start-confirm')).toBeVisible();
  await expect(page.getByTestId('session-badge')).toHaveText('IDLE');
  await page.getByTestId('session-start-confirm').click();
  await expect(page.getByTestId('session-badge')).toHaveText('RUNNING');

  await command('STOP');
  await expect(page.getByTestId('session-stop-confirm')).toBeVisible();
  await expect(page.getByTestId('session-badge')).toHaveText('RUNNING');
  await page.getByTestId('session-stop-confirm').click();
  await expect(page.getByTestId('session-badge')).toHaveText('IDLE');
});

test('BT prefills a backtest', async () => {
  await command('BT NVDA 2024-01-01 2024-06-30');
  await expect(page.getByTestId('backtest-screen')).toBeVisible();
  await expect(page.getByTestId('bt-symbol')).toHaveValue('NVDA');
  await expect(page.getByTestId('bt-from')).toHaveValue('2024-01-01');
  await expect(page.getByTestId('bt-to')).toHaveValue('2024-06-30');
  await expect(page.getByTestId('bt-run')).toBeFocused();
});

test('up and down walk the history; a line it cannot parse shows an inline error', async () => {
  await page.keyboard.press('/');
  const input = page.getByTestId('command-input');
  await expect(input).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(input).toHaveValue('BT NVDA 2024-01-01 2024-06-30');
  await page.keyboard.press('ArrowUp');
  await expect(input).toHaveValue('STOP');
  await page.keyboard.press('ArrowDown');
  await expect(input).toHaveValue('BT NVDA 2024-01-01 2024-06-30');
  await page.keyboard.press('ArrowDown');
  await expect(input).toHaveValue('');

  await page.keyboard.type('BUY AAPL');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('command-error')).toContainText('BUY needs a symbol and a size');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('backtest-screen')).toBeVisible();
});
