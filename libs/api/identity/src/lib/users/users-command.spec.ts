import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditEntryEntity, buildDataSourceOptions, UserEntity } from '@ptp/api/persistence';
import { DataSource } from 'typeorm';
import { EXIT_OK, EXIT_REFUSED, EXIT_USAGE, runUsersCommand } from './users-command';

describe('npm run users (on a real SQLite file)', () => {
  let dataSource: DataSource;
  let out: string[];
  const run = (args: string[], stdin = '') =>
    runUsersCommand(args, dataSource, {
      stdout: (line) => out.push(line),
      stderr: (line) => out.push(line),
      readStdin: async () => stdin,
    });

  beforeEach(async () => {
    out = [];
    const path = join(mkdtempSync(join(tmpdir(), 'ptp-users-')), 'db.sqlite');
    dataSource = await new DataSource(
      buildDataSourceOptions({ type: 'sqlite', path }),
    ).initialize();
  });
  afterEach(() => dataSource.destroy());

  it('adds, lists, changes the password of and removes users, auditing each change', async () => {
    expect(
      await run(['add', 'ada', '--role', 'admin', '--password-stdin'], 'first password\n'),
    ).toBe(EXIT_OK);
    expect(
      await run(['add', 'bob', '--role', 'trader', '--password-stdin'], 'bob password\r\n'),
    ).toBe(EXIT_OK);
    out = [];
    expect(await run(['list'])).toBe(EXIT_OK);
    expect(out.map((line) => line.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'ada admin',
      'bob trader',
    ]);
    const before = (await dataSource.getRepository(UserEntity).findOneByOrFail({ name: 'bob' }))
      .passwordHash;
    expect(await run(['passwd', 'bob', '--password-stdin'], 'a new password\n')).toBe(EXIT_OK);
    const after = (await dataSource.getRepository(UserEntity).findOneByOrFail({ name: 'bob' }))
      .passwordHash;
    expect(after).not.toBe(before);
    expect(after).not.toContain('a new password');
    expect(await run(['remove', 'bob'])).toBe(EXIT_OK);
    const actions = (
      await dataSource.getRepository(AuditEntryEntity).find({ order: { id: 'ASC' } })
    ).map((row) => `${row.userName} ${row.action}`);
    expect(actions).toEqual([
      'cli user.add',
      'cli user.add',
      'cli user.password',
      'cli user.remove',
    ]);
  });

  it('refuses what would leave nobody in charge, duplicates and weak passwords, changing nothing', async () => {
    await run(['add', 'ada', '--role', 'admin', '--password-stdin'], 'first password\n');
    out = [];
    expect(await run(['remove', 'ada'])).toBe(EXIT_REFUSED);
    expect(out).toEqual(['ada is the last admin; make another user admin first.']);
    expect(await run(['add', 'ada', '--role', 'viewer', '--password-stdin'], 'whatever123\n')).toBe(
      EXIT_REFUSED,
    );
    expect(await run(['add', 'cy', '--role', 'viewer', '--password-stdin'], 'short\n')).toBe(
      EXIT_REFUSED,
    );
    expect(
      await run(['add', 'no spaces', '--role', 'viewer', '--password-stdin'], 'long enough\n'),
    ).toBe(EXIT_REFUSED);
    expect(await dataSource.getRepository(UserEntity).count()).toBe(1);
  });

  it('explains its usage, and never takes a password from the command line', async () => {
    expect(await run([])).toBe(EXIT_USAGE);
    expect(await run(['add', 'dee', '--role', 'root', '--password-stdin'])).toBe(EXIT_USAGE);
    expect(await run(['add', 'dee', '--role', 'viewer', '--password', 'on-the-command-line'])).toBe(
      EXIT_USAGE,
    );
    expect(out.join('\n')).toContain('Give the password on standard input with --password-stdin.');
    expect(await dataSource.getRepository(UserEntity).count()).toBe(0);
  });
});
