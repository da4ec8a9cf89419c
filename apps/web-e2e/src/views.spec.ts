import { join } from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { ARTIFACTS_DIR } from '../e2e-environment';
import { axeViolations } from './axe';

/**
 * Runs after the trading journey (files run in name order, one worker), so the screens show the
 * account's fills, decisions and backtests. Screenshots are kept in the repository.
 */
const SCREENS = [
  { path: 'overview', testId: 'overview-screen' },
  { path: 'activity', testId: 'activity-screen' },
  { path: 'controls', testId: 'controls-screen' },
  { path: 'chart', testId: 'price-chart-screen' },
  { path: 'decisions', testId: 'decisions-screen' },
  { path: 'backtest', testId: 'backtest-screen' },
  { path: 'performance', testId: 'performance-screen' },
  { path: 'accounts', testId: 'accounts-screen' },
  { path: 'system', testId: 'health-panel' },
  { path: 'audit', testId: 'audit-screen' },
] as const;

const VIEWPORTS = {
  desktop: { width: 1600, height: 1000 },
  laptop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

// An axe scan of a screen full of the journey's data is slow on a loaded two-core machine.
test.setTimeout(120_000);

test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => {
    throw error;
  });
});

async function open(page: Page, path: string, testId: string): Promise<void> {
  await page.goto(`/${path}`);
  await expect(page.getByTestId(testId)).toBeVisible();
  await expect(page.getByTestId('last-update')).not.toContainText('—');
  // Lazy panels load their first answer at once; let them settle before scanning or shooting.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
}

/** The page is no wider than the viewport: nothing needs sideways scrolling of the whole page. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(`${name} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    for (const screen of SCREENS) {
      test(`${screen.path}: no axe violations, fits the width`, async ({ page }) => {
        await open(page, screen.path, screen.testId);
        // Colours and markup do not change with the width: the laptop pass checks the layout only.
        if (name !== 'laptop') expect(await axeViolations(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        if (name !== 'laptop') {
          await page.screenshot({
            path: join(
              ARTIFACTS_DIR,
              'screenshots',
              `${screen.path}-${viewport.width}x${viewport.height}.png`,
            ),
            fullPage: name === 'phone',
          });
        }
      });
    }
  });
}
