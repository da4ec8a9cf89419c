import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_PROCESS_ARGS, API_PROCESS_ENV, WORKSPACE_ROOT } from './api-process';

interface Outcome {
  readonly status: number | null;
  readonly stderr: string;
}

/** Refusals found in the configuration come before any injection: tsx starts fastest. */
function startWith(env: Record<string, string>): Outcome {
  const result = spawnSync(
    process.execPath,
    [
      join(WORKSPACE_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      '--tsconfig',
      join(WORKSPACE_ROOT, 'tsconfig.base.json'),
      join(WORKSPACE_ROOT, 'apps', 'api', 'src', 'main.ts'),
    ],
    {
      cwd: WORKSPACE_ROOT,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: result.status, stderr: result.stderr };
}

/** Refusals that need the database run the whole app (with decorator metadata), side by side. */
function startAppWith(env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, API_PROCESS_ARGS, {
      cwd: WORKSPACE_ROOT,
      env: { ...API_PROCESS_ENV, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 90_000,
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('start-up with a bad configuration', () => {
  it('stops with exit code 78 and names the key, the value and what is allowed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptp-bad-config-'));
    writeFileSync(join(dir, 'platform.json'), JSON.stringify({ risk: { maxPositionPct: 250 } }));
    const { status, stderr } = startWith({
      PLATFORM_CONFIG: join(dir, 'platform.json'),
      DATA_DIR: dir,
    });
    expect(status).toBe(78);
    expect(stderr).toContain('risk.maxPositionPct = 250');
    expect(stderr).toContain('must not be greater than 100');
  });

  it('rejects a bad environment override before opening anything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptp-bad-env-'));
    const { status, stderr } = startWith({ DATA_DIR: dir, LOG_LEVEL: 'loud' });
    expect(status).toBe(78);
    expect(stderr).toContain('logLevel = "loud" (environment LOG_LEVEL)');
  });
  it('stops with 78 on an ALLOWED_HOSTS entry that is not a host name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptp-bad-hosts-'));
    const { status, stderr } = startWith({
      DATA_DIR: dir,
      ALLOWED_HOSTS: 'https://paper.example/',
    });
    expect(status).toBe(78);
    expect(stderr).toContain('server.allowedHosts');
    expect(stderr).toContain('environment ALLOWED_HOSTS');
  });
});

describe('start-up refusals around process roles (exit code 78)', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'ptp-role-start-'));

  it('refuses a split role on SQLite: several processes need PostgreSQL and Redis', () => {
    const { status, stderr } = startWith({ DATA_DIR: dataDir(), PROCESS_ROLE: 'worker' });
    expect(status).toBe(78);
    expect(stderr).toContain('PROCESS_ROLE=worker runs one part of the platform');
    expect(stderr).toContain('DATABASE_URL=postgres://… and REDIS_URL are not set');
  });

  it('refuses PROCESS_ROLE=api on PostgreSQL without REDIS_URL, before connecting anywhere', () => {
    const { status, stderr } = startWith({
      DATA_DIR: dataDir(),
      PROCESS_ROLE: 'api',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    });
    expect(status).toBe(78);
    expect(stderr).toContain('PROCESS_ROLE=api');
    expect(stderr).toContain('but REDIS_URL is not set');
  });

  it('names the key when the role is not one of all, api and worker', () => {
    const { status, stderr } = startWith({ DATA_DIR: dataDir(), PROCESS_ROLE: 'everything' });
    expect(status).toBe(78);
    expect(stderr).toContain('server.role = "everything" (environment PROCESS_ROLE)');
  });

  it('names INSTANCE_ID when it would not be a usable name', () => {
    const { status, stderr } = startWith({ DATA_DIR: dataDir(), INSTANCE_ID: 'two words' });
    expect(status).toBe(78);
    expect(stderr).toContain('INSTANCE_ID = "two words"');
  });
});

describe('start-up refusals around logins (exit code 78)', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'ptp-auth-start-'));
  const firstAdmin = 'npm run users -- add admin --role admin --password-stdin';

  it('refuses AUTH_MODE=off on an address other machines can reach', () => {
    const { status, stderr } = startWith({
      DATA_DIR: dataDir(),
      HOST: '0.0.0.0',
      AUTH_MODE: 'off',
    });
    expect(status).toBe(78);
    expect(stderr).toContain('authentication is off (AUTH_MODE=off) but HOST=0.0.0.0');
    expect(stderr).toContain(firstAdmin);
  });

  it('refuses to require logins without an admin (AUTH_MODE=required, or a non-loopback HOST), naming the command that creates one', async () => {
    const [required, exposed] = await Promise.all([
      startAppWith({ DATA_DIR: dataDir(), AUTH_MODE: 'required', LOG_LEVEL: 'silent' }),
      startAppWith({ DATA_DIR: dataDir(), HOST: '0.0.0.0', API_PORT: '5999', LOG_LEVEL: 'silent' }),
    ]);
    expect(required.status).toBe(78);
    expect(required.stderr).toContain(
      'logins are required (AUTH_MODE=required) but no admin user exists',
    );
    expect(required.stderr).toContain(firstAdmin);
    expect(exposed.status).toBe(78);
    expect(exposed.stderr).toContain('HOST=0.0.0.0 is reachable from other machines');
    expect(exposed.stderr).toContain(firstAdmin);
  }, 120_000);
});
