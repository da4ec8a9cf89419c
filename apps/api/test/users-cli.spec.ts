import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './api-process';

/** `npm run users -- …` exactly as a user types it, on the database DATA_DIR configures. */
function users(dataDir: string, args: string[], input = '') {
  return spawnSync('npm', ['run', '--silent', 'users', '--', ...args], {
    cwd: WORKSPACE_ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', DATA_DIR: dataDir },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run users (a real process)', () => {
  it('creates the first admin from a password on standard input and lists it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ptp-users-cli-'));
    const added = users(
      dataDir,
      ['add', 'ada', '--role', 'admin', '--password-stdin'],
      'a long password\n',
    );
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('Added ada (admin).');
    const listed = users(dataDir, ['list']);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/^ada\s+admin\s+\d{4}-\d{2}-\d{2}T/);
    const refused = users(dataDir, ['remove', 'ada']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('ada is the last admin');
  }, 120_000);
});
