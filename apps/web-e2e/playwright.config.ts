import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import {
  ARTIFACTS_DIR,
  E2E_BASE_URL,
  E2E_DATA_DIR,
  E2E_PLATFORM_CONFIG,
  E2E_PORT,
  E2E_SIMULATION_SPEED,
} from './e2e-environment';

const workspaceRoot = join(__dirname, '..', '..');

/** Real browser (Debian Chromium) against the built dashboard served by the real built API on a fresh SQLite file. */
export default defineConfig({
  testDir: './src',
  outputDir: join(ARTIFACTS_DIR, 'results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: join(ARTIFACTS_DIR, 'report') }]],
  use: {
    baseURL: E2E_BASE_URL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node dist/apps/api/main.js',
    cwd: workspaceRoot,
    url: `${E2E_BASE_URL}/health/live`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      API_PORT: E2E_PORT,
      HOST: '127.0.0.1',
      DATA_DIR: E2E_DATA_DIR,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      MARKET_DATA_PROVIDER: 'simulated',
      POLYGON_API_KEY: '',
      PLATFORM_CONFIG: E2E_PLATFORM_CONFIG,
      SIMULATION_SPEED: E2E_SIMULATION_SPEED,
    },
  },
});
