import { userInfo } from 'node:os';
import type { Role } from '@ptp/contracts';
import type { DataSource } from 'typeorm';
import { appendAudit } from '../audit/audit-record';
import { isRole, UserChangeError, UserDirectory } from './user-directory';

export const USERS_USAGE = [
  'Usage:',
  '  npm run users -- add NAME --role admin|trader|viewer --password-stdin',
  '  npm run users -- list',
  '  npm run users -- passwd NAME --password-stdin',
  '  npm run users -- remove NAME',
  'Passwords are read from standard input (first line), never from the command line:',
  '  printf \'%s\\n\' "$PASSWORD" | npm run users -- add alice --role admin --password-stdin',
].join('\n');

export interface UsersCommandIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** The whole of standard input. */
  readonly readStdin: () => Promise<string>;
}

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 64;

class UsageError extends Error {}

function flag(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value.`);
  return value;
}

async function passwordFrom(args: string[], io: UsersCommandIo): Promise<string> {
  if (!args.includes('--password-stdin'))
    throw new UsageError('Give the password on standard input with --password-stdin.');
  const [line] = (await io.readStdin()).split(/\r?\n/);
  return line ?? '';
}

function nameOf(args: string[]): string {
  const name = args[1];
  if (!name || name.startsWith('--')) throw new UsageError(`${args[0]} needs a user name.`);
  return name;
}

function roleOf(args: string[]): Role {
  const role = flag(args, '--role');
  if (!isRole(role)) throw new UsageError('--role must be admin, trader or viewer.');
  return role;
}

async function execute(args: string[], users: UserDirectory, io: UsersCommandIo): Promise<string> {
  switch (args[0]) {
    case 'add': {
      const user = await users.add(nameOf(args), roleOf(args), await passwordFrom(args, io));
      io.stdout(`Added ${user.name} (${user.role}).`);
      return 'user.add';
    }
    case 'passwd': {
      const user = await users.setPassword(nameOf(args), await passwordFrom(args, io));
      io.stdout(`Changed the password of ${user.name}; their dashboard logins have ended.`);
      return 'user.password';
    }
    case 'remove': {
      const user = await users.remove(nameOf(args));
      io.stdout(`Removed ${user.name}, their logins and their API tokens.`);
      return 'user.remove';
    }
    case 'list': {
      const all = await users.list();
      if (all.length === 0) io.stdout('No users: the server runs in local mode on loopback.');
      for (const user of all)
        io.stdout(
          `${user.name.padEnd(24)} ${user.role.padEnd(7)} ${new Date(user.createdAt).toISOString()}`,
        );
      return 'user.list';
    }
    default:
      throw new UsageError(args[0] ? `Unknown command ${args[0]}.` : 'Name a command.');
  }
}

/** `npm run users -- …` on the configured database; every change lands in the audit log. */
export async function runUsersCommand(
  args: string[],
  dataSource: DataSource,
  io: UsersCommandIo,
): Promise<number> {
  try {
    const action = await execute(args, new UserDirectory(dataSource, dataSource), io);
    if (action !== 'user.list')
      await appendAudit(dataSource.manager, [
        {
          userName: 'cli',
          action,
          details: {
            user: args[1],
            role: flag(args, '--role') ?? null,
            osUser: userInfo().username,
          },
        },
      ]);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n${USERS_USAGE}`);
      return EXIT_USAGE;
    }
    if (error instanceof UserChangeError) {
      io.stderr(error.message);
      return EXIT_REFUSED;
    }
    throw error;
  }
}
