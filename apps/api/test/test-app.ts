import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadAppConfig, type AppConfig } from '@ptp/api/config';
import { createApp } from '../src/app/create-app';

export interface TestApp {
  readonly app: NestExpressApplication;
  readonly config: AppConfig;
  readonly dataDir: string;
  close(): Promise<void>;
}

export const DASHBOARD_STUB_HTML = '<!doctype html><title>Paper Trading Terminal</title>';

/** A stand-in for the built dashboard, so every test runs with the static-file layer of production. */
function dashboardStub(dataDir: string): string {
  const root = join(dataDir, 'web');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'index.html'), DASHBOARD_STUB_HTML);
  return root;
}

/**
 * Starts the real API on an ephemeral port with a fresh SQLite file and the simulated market,
 * so integration tests talk real HTTP to the same stack `npm start` runs.
 */
export async function startTestApp(
  env: NodeJS.ProcessEnv = {},
  dataDir = mkdtempSync(join(tmpdir(), 'ptp-api-')),
): Promise<TestApp> {
  const config = loadAppConfig({
    LOG_LEVEL: 'silent',
    // Each check sees the state the test just made (the reuse has its own spec).
    HEALTH_MAX_AGE_MS: '0',
    DATA_DIR: dataDir,
    PLATFORM_CONFIG: join(__dirname, '..', '..', '..', 'config', 'platform.json'),
    ...env,
  });
  const app = await createApp(config, { webRoot: dashboardStub(dataDir) });
  await app.listen(0, '127.0.0.1');
  return { app, config, dataDir, close: () => app.close() };
}

/** Closes the app, then removes its data dir (the SQLite file, the dashboard stub and any config written there). */
export async function disposeTestApp(t: TestApp | undefined): Promise<void> {
  if (!t) return;
  try {
    await t.close();
  } finally {
    rmSync(t.dataDir, { recursive: true, force: true });
  }
}

/**
 * One app for the `describe` this is called in: started in `beforeAll`, closed and its data dir
 * removed in `afterAll`. Returns an accessor for the running app.
 */
export function useTestApp(env: NodeJS.ProcessEnv = {}, startTimeoutMs?: number): () => TestApp {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await startTestApp(env);
  }, startTimeoutMs);
  afterAll(() => disposeTestApp(t));
  return () => {
    if (!t) throw new Error('the test app is not running (did beforeAll fail?)');
    return t;
  };
}
