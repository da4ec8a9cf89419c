import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

function startWith(env: Record<string, string>): { status: number | null; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      '--tsconfig',
      join(root, 'tsconfig.base.json'),
      join(root, 'apps', 'api', 'src', 'main.ts'),
    ],
    {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: result.status, stderr: result.stderr };
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
