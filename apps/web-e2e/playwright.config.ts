import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import {
  ARTIFACTS_DIR,
  E2E_ADMIN,
  E2E_AUTH_BASE_URL,
  E2E_AUTH_DATA_DIR,
  E2E_AUTH_PORT,
  E2E_BASE_URL,
  E2E_DATA_DIR,
  E2E_PLATFORM_CONFIG,
  E2E_PORT,
  E2E_SIMULATION_SPEED,
} from './e2e-environment';

const workspaceRoot = join(__dirname, '..', '..');

interface ApiServer {
  readonly command: string;
  readonly port: string;
  readonly dataDir: string;
  readonly baseUrl: string;
  readonly env?: Record<string, string>;
}

/** The real built API on its own port and fresh SQLite folder, with the simulated market. */
function apiServer({ command, port, dataDir, baseUrl, env = {} }: ApiServer) {
  return {
    command,
    cwd: workspaceRoot,
    url: `${baseUrl}/health/live`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      API_PORT: port,
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      MARKET_DATA_PROVIDER: 'simulated',
      POLYGON_API_KEY: '',
      PLATFORM_CONFIG: E2E_PLATFORM_CONFIG,
      SIMULATION_SPEED: E2E_SIMULATION_SPEED,
      ...env,
    },
  };
}

/**
 * Real browser (Debian Chromium) against the built dashboard served by the real built API on a fresh SQLite
 * file: one in local mode (no login, as `npm start` runs) and one that requires logins.
 */
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
  webServer: [
    apiServer({
      command: 'node dist/apps/api/main.js',
      port: E2E_PORT,
      dataDir: E2E_DATA_DIR,
      baseUrl: E2E_BASE_URL,
    }),
    // The first admin comes from the users command on the fresh database, as the README tells operators.
    apiServer({
      command:
        'printf "%s\\n" "$PTP_E2E_ADMIN_PASSWORD" | npm run --silent users -- add "$PTP_E2E_ADMIN_NAME" --role admin --password-stdin && exec node dist/apps/api/main.js',
      port: E2E_AUTH_PORT,
      dataDir: E2E_AUTH_DATA_DIR,
      baseUrl: E2E_AUTH_BASE_URL,
      env: {
        AUTH_MODE: 'required',
        PTP_E2E_ADMIN_NAME: E2E_ADMIN.name,
        PTP_E2E_ADMIN_PASSWORD: E2E_ADMIN.password,
      },
    }),
  ],
});
