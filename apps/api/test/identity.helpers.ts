import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runUsersCommand } from '@ptp/api/identity';
import { buildDataSourceOptions } from '@ptp/api/persistence';
import type { Role } from '@ptp/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { disposeTestApp, startTestApp, type TestApp } from './test-app';

export const PASSWORD = 'correct horse battery';

/** The cast of the identity tests: one user per role, and a second trader to trespass. */
export const USERS: ReadonlyArray<readonly [string, Role]> = [
  ['root', 'admin'],
  ['alice', 'trader'],
  ['bob', 'trader'],
  ['val', 'viewer'],
];

/** Runs `npm run users` logic on a SQLite file, as the command does, and fails loudly if it refuses. */
export async function usersCommand(dataDir: string, args: string[], stdin = ''): Promise<string[]> {
  const dataSource = await new DataSource(
    buildDataSourceOptions({ type: 'sqlite', path: join(dataDir, 'paper-trading.sqlite') }),
  ).initialize();
  const out: string[] = [];
  try {
    const code = await runUsersCommand(args, dataSource, {
      stdout: (line) => out.push(line),
      stderr: (line) => out.push(line),
      readStdin: async () => stdin,
    });
    if (code !== 0) throw new Error(`users ${args.join(' ')} exited ${code}: ${out.join('\n')}`);
    return out;
  } finally {
    await dataSource.destroy();
  }
}

/** A data folder whose database already holds USERS (the server refuses to require logins without an admin). */
export async function dataDirWithUsers(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ptp-auth-'));
  for (const [name, role] of USERS)
    await usersCommand(dataDir, ['add', name, '--role', role, '--password-stdin'], `${PASSWORD}\n`);
  return dataDir;
}

/** The real API with logins required, started in `beforeAll` on a database holding USERS. */
export function useAuthApp(env: NodeJS.ProcessEnv = {}): () => TestApp {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_MODE: 'required', ...env }, await dataDirWithUsers());
  }, 60_000);
  afterAll(() => disposeTestApp(t));
  return () => {
    if (!t) throw new Error('the auth test app is not running (did beforeAll fail?)');
    return t;
  };
}

/** Logs in and returns the `ptp_session=…` pair to send as Cookie. */
export async function login(t: TestApp, name: string, password = PASSWORD): Promise<string> {
  const response = await request(t.app.getHttpServer())
    .post('/api/auth/login')
    .send({ username: name, password })
    .expect(200);
  const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0] ?? '';
  return cookie.split(';')[0];
}
