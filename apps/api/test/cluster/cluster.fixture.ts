import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Cluster, startCluster, WORKSPACE_ROOT } from '@ptp/tools/cluster';
import { DataSource } from 'typeorm';
import { claimRedisDb, releaseRedisDb, TEST_REDIS_URL, withDatabase } from '../redis-db';

const POSTGRES_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Multi-process tests need both servers; `npm test` sets these when one does not answer. */
export const describeCluster =
  process.env['PTP_SKIP_POSTGRES'] === '1' || process.env['PTP_SKIP_REDIS'] === '1'
    ? describe.skip
    : describe;

/** The build (seconds when Nx has it cached, minutes when not) plus a fresh database's migrations. */
export const CLUSTER_SETUP_TIMEOUT_MS = 600_000;

const BUILD_LOCK = join(WORKSPACE_ROOT, 'dist', '.cluster-build.lock');
const STALE_LOCK_MS = 15 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')}:\n${output}`)),
    );
  });
}

/**
 * `nx build api` (from Nx's cache when nothing changed), one jest worker at a time: two builds at
 * once would each clean dist/apps/api under the other's feet.
 */
async function ensureApiBuild(): Promise<void> {
  mkdirSync(join(WORKSPACE_ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      const age = Date.now() - (statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    await run('npx', ['nx', 'build', 'api']);
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** `count` consecutive ports nobody listens on right now. */
async function freePortRange(count: number): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const ports = Array.from({ length: count }, (_, i) => base + i);
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return base;
  }
}

export interface ClusterFixtureOptions {
  readonly api: number;
  readonly workers: number;
  /** Added to every process's environment. */
  readonly env?: Record<string, string>;
}

export interface ClusterFixture {
  /** The running cluster; available from beforeAll on. */
  readonly cluster: () => Cluster;
  /** The processes' DATABASE_URL and REDIS_URL, for a test that reads the shared state itself. */
  readonly databaseUrl: () => string;
  readonly redisUrl: () => string;
}

/**
 * Real processes of the built API on a fresh PostgreSQL database and a Redis db of their own, all
 * ready before the first test; everything is stopped and dropped after the last. Logs are kept per
 * process (`recentOutput()`, shown when one fails to start); PTP_CLUSTER_LOGS=1 prints them.
 */
export function useCluster(options: ClusterFixtureOptions): ClusterFixture {
  const token = randomBytes(8).toString('hex');
  const database = `ptp_${token}`;
  let cluster: Cluster | null = null;
  let redisDb: number | null = null;
  let databaseUrl = '';
  let redisUrl = '';
  let admin: DataSource | null = null;

  beforeAll(async () => {
    await ensureApiBuild();
    admin = await new DataSource({ type: 'postgres', url: POSTGRES_URL }).initialize();
    await admin.query(`CREATE DATABASE "${database}"`);
    databaseUrl = withDatabase(POSTGRES_URL, database);
    redisDb = await claimRedisDb(token);
    redisUrl = withDatabase(TEST_REDIS_URL, String(redisDb));
    const dataDir = mkdtempSync(join(tmpdir(), 'ptp-cluster-'));
    cluster = await startCluster({
      api: options.api,
      workers: options.workers,
      basePort: await freePortRange(options.api + options.workers),
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        TZ: 'UTC',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        // Each health check sees the state the test just made (the reuse has its own spec).
        HEALTH_MAX_AGE_MS: '0',
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        ...options.env,
      },
      log: process.env['PTP_CLUSTER_LOGS'] === '1' ? undefined : () => undefined,
    });
    await cluster.waitReady();
  }, CLUSTER_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    // The processes first: they hold connections into the database that goes.
    await cluster?.stopAll(5_000);
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.destroy();
    }
    if (redisDb !== null) await releaseRedisDb(redisDb, token);
  }, 60_000);

  return {
    cluster: () => {
      if (!cluster) throw new Error('the cluster is not started yet (use it from beforeAll on)');
      return cluster;
    },
    databaseUrl: () => databaseUrl,
    redisUrl: () => redisUrl,
  };
}
