import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Served {
  readonly url: string;
  readonly pid: number;
  readonly stop: () => Promise<void>;
}

const WORKSPACE = join(__dirname, '..', '..', '..');
/** What would make the app leave the embedded defaults (SQLite, simulated market, local mode). */
const OUTSIDE_SETTINGS = ['DATABASE_URL', 'REDIS_URL', 'POLYGON_API_KEY', 'AUTH_MODE'];

async function waitForHttp(url: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${url} exited with ${child.exitCode}; see ${log}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within 60 s; see ${log}`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

function launch(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  log: string,
): ChildProcess {
  const clean = { ...process.env };
  for (const name of OUTSIDE_SETTINGS) delete clean[name];
  const child = spawn(command, args, { cwd: WORKSPACE, env: { ...clean, ...env } });
  const out = createWriteStream(log);
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return child;
}

/** The bare NestJS hello app, through tsx like the bench itself. */
export async function startBare(port: number, logDir: string): Promise<Served> {
  const log = join(logDir, 'bare.log');
  const child = launch(
    process.execPath,
    [...process.execArgv, join(__dirname, 'bare-hello.main.ts')],
    { BARE_PORT: String(port) },
    log,
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/hello`, child, log);
  return { url, pid: child.pid ?? 0, stop: stopper(child) };
}

export interface AppSettings {
  readonly port: number;
  readonly dataDir: string;
  readonly configFile: string;
  readonly speed: number;
  readonly logName: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** The built app (`dist/apps/api/main.js`), as `npm start` runs it, on its own data directory. */
export async function startApp(settings: AppSettings): Promise<Served> {
  const log = join(settings.dataDir, settings.logName);
  const child = launch(
    process.execPath,
    [join(WORKSPACE, 'dist', 'apps', 'api', 'main.js')],
    {
      API_PORT: String(settings.port),
      HOST: '127.0.0.1',
      DATA_DIR: settings.dataDir,
      PLATFORM_CONFIG: settings.configFile,
      SIMULATION_SPEED: String(settings.speed),
      MARKET_DATA_PROVIDER: 'simulated',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...settings.env,
    },
    log,
  );
  const url = `http://127.0.0.1:${settings.port}`;
  await waitForHttp(`${url}/health/live`, child, log);
  return { url, pid: child.pid ?? 0, stop: stopper(child) };
}

/** Builds the API and the dashboard as `npm start` does (Nx replays the cache when nothing changed). */
export function buildApp(): void {
  execFileSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web'], {
    cwd: WORKSPACE,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
}

type PlatformConfig = Record<string, Record<string, unknown>>;

/**
 * config/platform.json as shipped, with the rate limit lifted so that no measured request is refused,
 * and the run's own changes; written into the run's directory for PLATFORM_CONFIG.
 */
export function writeRunConfig(dir: string, change: (config: PlatformConfig) => void): string {
  const config = JSON.parse(readFileSync(join(WORKSPACE, 'config', 'platform.json'), 'utf8'));
  config.server.rateLimit = { ttlSec: 60, limit: 1_000_000 };
  change(config);
  const file = join(dir, 'platform.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}
