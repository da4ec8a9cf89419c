import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { API_PROCESS_ARGS, API_PROCESS_ENV, freePort, WORKSPACE_ROOT } from './api-process';
import { waitFor } from './paper-trading.helpers';

const postgresUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const describeCluster =
  process.env['PTP_SKIP_POSTGRES'] === '1' || process.env['PTP_SKIP_REDIS'] === '1'
    ? describe.skip
    : describe;

interface ApiProcess {
  readonly child: ChildProcess;
  readonly base: string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

/** Every process a test started; whatever is still running at the end is killed. */
const started: ApiProcess[] = [];
afterAll(async () => {
  for (const api of started) await stop(api);
});

/** apps/api/src/main.ts as its own process, the way `npm start` runs it. */
async function startApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, API_PROCESS_ARGS, {
    cwd: WORKSPACE_ROOT,
    env: { ...API_PROCESS_ENV, API_PORT: String(port), LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const api = { child, base: `http://127.0.0.1:${port}`, stderr: () => stderr, exited };
  started.push(api);
  return api;
}

function serving(api: ApiProcess): Promise<true> {
  return waitFor(
    async () => ((await request(api.base).get('/health/live')).status === 200 ? true : undefined),
    `the API at ${api.base} to serve (stderr: ${api.stderr()})`,
    90_000,
  );
}

async function stop(api: ApiProcess): Promise<void> {
  if (api.child.exitCode !== null || api.child.signalCode !== null) return;
  api.child.kill('SIGKILL');
  await api.exited;
}

describe('one SQLite file serves one process', () => {
  it('refuses a second process with exit code 78 and says why, and frees the file when the first dies', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ptp-sqlite-guard-'));
    const first = await startApi({ DATA_DIR: dataDir });
    await serving(first);

    const second = await startApi({ DATA_DIR: dataDir });
    expect(await second.exited).toBe(78);
    expect(second.stderr()).toContain(
      `another process is already running on the SQLite database ${join(dataDir, 'paper-trading.sqlite')}`,
    );
    expect(second.stderr()).toContain('SQLite serves one process at a time');
    expect(second.stderr()).toContain('DATABASE_URL=postgres://');
    expect(second.stderr()).toContain('REDIS_URL');
    await request(first.base).get('/health/live').expect(200);

    // The admin tool is short-lived and takes no part in the claim: it works beside the server.
    const cli = spawnSync('npm', ['run', '--silent', 'users', '--', 'list'], {
      cwd: WORKSPACE_ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);

    first.child.kill('SIGKILL');
    await first.exited;
    const again = await startApi({ DATA_DIR: dataDir });
    await serving(again);
    const health = await request(again.base).get('/health').expect(200);
    expect(health.body.data.instance).toMatchObject({ role: 'all' });
  }, 240_000);
});

describeCluster(
  'split roles on PostgreSQL and Redis (set PTP_SKIP_POSTGRES=1 or PTP_SKIP_REDIS=1 without them)',
  () => {
    const schema = `ptp_roles_${process.pid}_${Date.now()}`;
    const url = new URL(postgresUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const cluster = { DATABASE_URL: url.toString(), REDIS_URL: redisUrl };
    let admin: DataSource;
    beforeAll(async () => {
      admin = await new DataSource({ type: 'postgres', url: postgresUrl }).initialize();
      await admin.query(`CREATE SCHEMA "${schema}"`);
    });

    afterAll(async () => {
      // The processes first: they hold connections into the schema that goes.
      for (const api of started) await stop(api);
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.destroy();
    });

    it('starts an api that trades its accounts and a worker that serves only health', async () => {
      const api = await startApi({ ...cluster, PROCESS_ROLE: 'api', INSTANCE_ID: 'api-1' });
      await serving(api);
      const worker = await startApi({ ...cluster, PROCESS_ROLE: 'worker', INSTANCE_ID: 'wrk-1' });
      await serving(worker);

      const accounts = (await request(api.base).get('/api/accounts').expect(200)).body.data;
      const ids = accounts.map((account: { id: string }) => account.id).sort();
      const apiHealth = (await request(api.base).get('/health').expect(200)).body.data;
      expect(apiHealth.instance).toEqual({ id: 'api-1', role: 'api', accounts: ids });
      expect(ids.length).toBeGreaterThan(0);

      const workerHealth = (await request(worker.base).get('/health').expect(200)).body.data;
      expect(workerHealth.instance).toEqual({ id: 'wrk-1', role: 'worker', accounts: [] });
      expect(workerHealth.details.database.status).toBe('up');
      await request(worker.base).get('/health/ready').expect(200);
      await request(worker.base).get('/api/accounts').expect(404);
      await request(worker.base).get('/paper-trading/status').expect(404);
    }, 240_000);
  },
);
