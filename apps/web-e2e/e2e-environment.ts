import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The port and data folder of the API under test. Playwright loads the config in the runner and again in
 * every worker, so the first evaluation publishes its choices through the environment the workers inherit.
 */
function freePort(): string {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}

export const ARTIFACTS_DIR = join(__dirname, 'test-output');

/**
 * A fresh SQLite folder per run, kept beside the report so a failed run can be inspected, and replaced by the
 * next run instead of piling up in the system temp folder.
 */
function freshDataDir(name: string): string {
  const dir = join(ARTIFACTS_DIR, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

process.env['PTP_E2E_PORT'] ??= freePort();
process.env['PTP_E2E_DATA_DIR'] ??= freshDataDir('data');
process.env['PTP_E2E_AUTH_PORT'] ??= freePort();
process.env['PTP_E2E_AUTH_DATA_DIR'] ??= freshDataDir('data-auth');

export const E2E_PORT = process.env['PTP_E2E_PORT'];
export const E2E_DATA_DIR = process.env['PTP_E2E_DATA_DIR'];
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/** A second API on its own port and database that requires logins (AUTH_MODE=required), for the login flow. */
export const E2E_AUTH_PORT = process.env['PTP_E2E_AUTH_PORT'];
export const E2E_AUTH_DATA_DIR = process.env['PTP_E2E_AUTH_DATA_DIR'];
export const E2E_AUTH_BASE_URL = `http://127.0.0.1:${E2E_AUTH_PORT}`;
/** Created with the users command before that server starts, as an operator would. */
export const E2E_ADMIN = { name: 'e2e-admin', password: 'e2e-admin-password' } as const;
/** Simulated minutes per real second: fast enough that a crossover fires within seconds. */
export const E2E_SIMULATION_SPEED = '600';
/**
 * The built-in defaults with one change: a 50 % daily loss limit. A crossover session at 600× churns
 * fast, and hitting the default 5 % would block entries, turning the manual-order and risk steps into a
 * different rejection (RISK_DAILY_LOSS_LIMIT) on an unlucky run.
 */
export const E2E_PLATFORM_CONFIG = join(__dirname, 'platform.e2e.json');
