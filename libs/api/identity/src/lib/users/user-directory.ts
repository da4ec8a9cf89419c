import { randomUUID } from 'node:crypto';
import {
  AccountEntity,
  ApiTokenEntity,
  LoginSessionEntity,
  UserEntity,
} from '@ptp/api/persistence';
import { ROLES, type Role } from '@ptp/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword, passwordProblem } from './passwords';

export const USER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A refusal the API turns into a 4xx and the users command into an exit code. */
export class UserChangeError extends Error {
  constructor(
    readonly code: 'USER_EXISTS' | 'USER_NOT_FOUND' | 'INVALID_USER' | 'LAST_ADMIN',
    message: string,
  ) {
    super(message);
  }
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function checkName(name: string): void {
  if (!USER_NAME_PATTERN.test(name))
    throw new UserChangeError(
      'INVALID_USER',
      'A user name is 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit.',
    );
}

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new UserChangeError('INVALID_USER', `The password ${problem}.`);
}

/** DatabaseWrites in the API (SQLite writes one at a time); a plain transaction in the command. */
export interface TransactionRunner {
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
}

/**
 * The users table, for the API and the `npm run users` command alike: both must refuse the same
 * things, such as removing or demoting the last admin (nobody could manage the server any more).
 */
export class UserDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: TransactionRunner,
  ) {}

  list(): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({ order: { name: 'ASC' } });
  }

  find(name: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ name });
  }

  async add(name: string, role: Role, password: string): Promise<UserEntity> {
    checkName(name);
    checkPassword(password);
    if (await this.find(name))
      throw new UserChangeError('USER_EXISTS', `A user named ${name} already exists.`);
    const user = Object.assign(new UserEntity(), {
      id: randomUUID(),
      name,
      role,
      passwordHash: await hashPassword(password),
      createdAt: Date.now(),
    });
    await this.writes.transaction((manager) => manager.insert(UserEntity, user));
    return user;
  }

  /** A new password ends every login of that user. */
  async setPassword(name: string, password: string): Promise<UserEntity> {
    checkPassword(password);
    const user = await this.get(name);
    user.passwordHash = await hashPassword(password);
    await this.writes.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { passwordHash: user.passwordHash });
      await manager.delete(LoginSessionEntity, { userId: user.id });
    });
    return user;
  }

  async setRole(name: string, role: Role): Promise<UserEntity> {
    const user = await this.get(name);
    if (user.role === 'admin' && role !== 'admin') await this.keepAnAdmin(user);
    await this.writes.transaction((manager) =>
      manager.update(UserEntity, { id: user.id }, { role }),
    );
    return { ...user, role };
  }

  /** Its logins and tokens go with it; its accounts stay, ownerless, for an admin to manage. */
  async remove(name: string): Promise<UserEntity> {
    const user = await this.get(name);
    if (user.role === 'admin') await this.keepAnAdmin(user);
    await this.writes.transaction(async (manager) => {
      await manager.delete(LoginSessionEntity, { userId: user.id });
      await manager.delete(ApiTokenEntity, { userId: user.id });
      await manager.update(AccountEntity, { ownerUserId: user.id }, { ownerUserId: null });
      await manager.delete(UserEntity, { id: user.id });
    });
    return user;
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(UserEntity).count();
  }

  admins(): Promise<number> {
    return this.dataSource.getRepository(UserEntity).countBy({ role: 'admin' });
  }

  /** The user, or USER_NOT_FOUND. */
  async get(name: string): Promise<UserEntity> {
    const user = await this.find(name);
    if (!user) throw new UserChangeError('USER_NOT_FOUND', `There is no user named ${name}.`);
    return user;
  }

  private async keepAnAdmin(user: UserEntity): Promise<void> {
    if ((await this.admins()) <= 1)
      throw new UserChangeError(
        'LAST_ADMIN',
        `${user.name} is the last admin; make another user admin first.`,
      );
  }
}
