import { join } from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { ARTIFACTS_DIR, E2E_ADMIN, E2E_AUTH_BASE_URL } from '../e2e-environment';
import { axeViolations } from './axe';

test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => {
    throw error;
  });
});

async function logIn(page: Page, name: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(name);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * The screens only a login-required server shows (login, users, tokens, a viewer's controls) get
 * the same WCAG 2.1 AA scan as the others, and a shot kept beside the report.
 */
async function snapshot(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({
    path: join(ARTIFACTS_DIR, 'screenshots', `${name}.png`),
    fullPage: true,
  });
}

async function logInAsAdmin(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await logIn(page, E2E_ADMIN.name, E2E_ADMIN.password);
  await expect(page.getByTestId('user-name')).toHaveText(E2E_ADMIN.name);
}

test.describe('local mode', () => {
  test('needs no login: a discreet marker instead of a user menu', async ({ page }) => {
    await page.goto('/accounts');
    await expect(page.getByTestId('accounts-screen')).toBeVisible();
    await expect(page.getByTestId('auth-local')).toHaveText('LOCAL');
    await expect(page.getByTestId('user-menu')).toHaveCount(0);
    await expect(page.getByTestId('nav-users')).toHaveCount(0);

    await page.getByTestId('nav-audit').click();
    await expect(page.getByTestId('audit-range')).toContainText(/of \d+/);
    await expect(page.getByTestId('audit-error')).toHaveCount(0);
  });
});

test.describe('a server that requires logins', () => {
  test.use({ baseURL: E2E_AUTH_BASE_URL });

  test('sends a visitor to the login screen, refuses a wrong password, and returns after login', async ({
    page,
    context,
  }) => {
    await page.goto('/accounts');
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Faccounts$/);
    await expect(page.getByTestId('status-bar')).toHaveCount(0);

    await logIn(page, E2E_ADMIN.name, 'not-the-password');
    await expect(page.getByTestId('login-error')).toHaveText('invalid credentials');
    await snapshot(page, 'login-screen');

    await logIn(page, E2E_ADMIN.name, E2E_ADMIN.password);
    await expect(page).toHaveURL(/\/accounts$/);
    await expect(page.getByTestId('accounts-screen')).toBeVisible();
    await expect(page.getByTestId('user-role')).toHaveText('ADMIN');
    for (const tab of ['nav-tokens', 'nav-users', 'nav-audit'])
      await expect(page.getByTestId(tab)).toBeVisible();

    const session = (await context.cookies()).find((cookie) => cookie.name === 'ptp_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    // A session that ends under the dashboard (expired, revoked) leads back to the login screen.
    await context.clearCookies();
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Faccounts$/);
  });

  test('an admin adds a viewer, who can read but not trade, and both log out', async ({ page }) => {
    await logInAsAdmin(page, '/users');
    await page.getByTestId('user-name-input').fill('e2e-viewer');
    await page.getByTestId('user-role-input').selectOption('viewer');
    await page.getByTestId('user-password-input').fill('viewer-password');
    await page.getByTestId('user-add').click();
    await expect(page.getByTestId('user-e2e-viewer')).toContainText('viewer');
    await snapshot(page, 'users-screen');

    await page.getByTestId('logout').click();
    await expect(page.getByTestId('login-screen')).toBeVisible();
    await logIn(page, 'e2e-viewer', 'viewer-password');
    await expect(page.getByTestId('user-role')).toHaveText('VIEWER');
    await expect(page.getByTestId('nav-users')).toHaveCount(0);
    await expect(page.getByTestId('nav-audit')).toHaveCount(0);

    await page.getByTestId('nav-activity').click();
    await expect(page.getByTestId('ticket-submit')).toBeDisabled();
    await expect(page.locator('fieldset[data-read-only="true"]').first()).toHaveAttribute(
      'title',
      /viewer cannot place orders/,
    );
    await snapshot(page, 'activity-screen-viewer');
    await page.getByTestId('nav-accounts').click();
    await expect(page.getByTestId('account-create')).toBeDisabled();

    await page.getByTestId('logout').click();
    await expect(page.getByTestId('login-screen')).toBeVisible();
    await page.goto('/overview');
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Foverview$/);
  });

  test('an API token is shown once, works for a bot, records its use, and stops working when revoked', async ({
    page,
    request,
  }) => {
    await logInAsAdmin(page, '/tokens');
    await page.getByTestId('token-name').fill('e2e-bot');
    await page.getByTestId('token-role').selectOption('viewer');
    await page.getByTestId('token-create').click();
    await expect(page.getByTestId('token-shown-once')).toContainText('Shown once');
    const token = await page.getByTestId('created-token').inputValue();
    expect(token.length).toBeGreaterThan(20);
    await snapshot(page, 'tokens-screen');

    const bot = { headers: { Authorization: `Bearer ${token}` } };
    expect((await request.get('/api/accounts', bot)).status()).toBe(200);

    await page.getByTestId('token-done').click();
    await expect(page.getByTestId('created-token')).toHaveCount(0);
    const row = page.getByTestId('tokens-table').locator('tbody tr', { hasText: 'e2e-bot' });
    await expect(row).not.toContainText('never');

    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Yes' }).click();
    await expect(row).toHaveCount(0);
    expect((await request.get('/api/accounts', bot)).status()).toBe(401);
  });

  test('the audit log shows an admin who did what, filtered by user', async ({ page }) => {
    await logInAsAdmin(page, '/audit');
    await page.getByTestId('audit-user').fill(E2E_ADMIN.name);
    await page.getByTestId('audit-apply').click();
    const table = page.getByTestId('audit-table');
    await expect(table).toContainText('auth.login');
    await expect(table.locator('tbody tr').first()).toContainText(E2E_ADMIN.name);
    await expect(page.getByTestId('audit-range')).toContainText(/^1–\d+ of \d+$/);
    await snapshot(page, 'audit-screen');
  });
});
