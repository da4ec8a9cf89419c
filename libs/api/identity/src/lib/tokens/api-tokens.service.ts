import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccountEntity, ApiTokenEntity, DatabaseWrites, UserEntity } from '@ptp/api/persistence';
import { ApiError, type Principal } from '@ptp/api/shared';
import { ROLES, type ApiTokenSummary, type CreatedApiToken, type Role } from '@ptp/contracts';
import { DataSource, In } from 'typeorm';
import { newSecret, secretHash } from '../secret-tokens';

/** Tokens start with this, so secret scanners and people can tell what leaked. */
export const TOKEN_PREFIX = 'ptp_';
/** Writing "last used" on every request would turn each read into a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function lowerRole(a: Role, b: Role): Role {
  return ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b;
}

/** The caller a found token stands for: its owner, at the lower of the two roles. */
export function tokenPrincipal(found: { token: ApiTokenEntity; user: UserEntity }): Principal {
  return {
    kind: 'token',
    userId: found.user.id,
    userName: found.user.name,
    role: lowerRole(found.token.role as Role, found.user.role as Role),
    tokenId: found.token.id,
    accountId: found.token.accountId,
  };
}

export interface TokenRequest {
  readonly name: string;
  readonly accountId?: string;
  readonly role?: Role;
}

@Injectable()
export class ApiTokensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: DatabaseWrites,
  ) {}

  /** A token for the caller's own user; it may narrow, never widen, what that user may do. */
  async create(owner: Principal, request: TokenRequest): Promise<CreatedApiToken> {
    if (!owner.userId)
      throw ApiError.badRequest(
        'NO_USER',
        'API tokens belong to a user; create one with `npm run users -- add` first (local mode needs no token).',
      );
    const role = request.role ?? owner.role;
    if (lowerRole(role, owner.role) !== role)
      throw ApiError.forbidden(`A ${owner.role} cannot create a ${role} token.`);
    if (request.accountId) await this.checkAccount(owner, request.accountId);
    const secret = `${TOKEN_PREFIX}${newSecret()}`;
    const row: ApiTokenEntity = {
      id: randomUUID(),
      userId: owner.userId,
      name: request.name,
      accountId: request.accountId ?? null,
      role,
      tokenHash: secretHash(secret),
      createdAt: Date.now(),
      lastUsedAt: null,
    };
    await this.writes.transaction((manager) => manager.insert(ApiTokenEntity, row));
    return { ...this.summary(row, owner.userName), token: secret };
  }

  /** The caller's tokens; an admin sees everyone's. */
  async list(caller: Principal): Promise<ApiTokenSummary[]> {
    const rows = await this.dataSource.getRepository(ApiTokenEntity).find({
      where: caller.role === 'admin' ? {} : { userId: caller.userId ?? '' },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const owners = await this.dataSource
      .getRepository(UserEntity)
      .findBy({ id: In([...new Set(rows.map((row) => row.userId))]) });
    const names = new Map(owners.map((user) => [user.id, user.name]));
    return rows.map((row) => this.summary(row, names.get(row.userId) ?? '?'));
  }

  async revoke(caller: Principal, id: string): Promise<ApiTokenSummary> {
    const row = await this.dataSource.getRepository(ApiTokenEntity).findOneBy({ id });
    if (!row || (caller.role !== 'admin' && row.userId !== caller.userId))
      throw ApiError.notFound('TOKEN_NOT_FOUND', `No API token with id "${id}".`, { id });
    await this.writes.transaction((manager) => manager.delete(ApiTokenEntity, { id }));
    const owner = await this.dataSource.getRepository(UserEntity).findOneBy({ id: row.userId });
    return this.summary(row, owner?.name ?? '?');
  }

  /** The token's row and its owner, or null for an unknown (or revoked) token. */
  async find(secret: string): Promise<{ token: ApiTokenEntity; user: UserEntity } | null> {
    if (!secret.startsWith(TOKEN_PREFIX)) return null;
    const token = await this.dataSource
      .getRepository(ApiTokenEntity)
      .findOneBy({ tokenHash: secretHash(secret) });
    if (!token) return null;
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: token.userId });
    if (!user) return null;
    const now = Date.now();
    if (token.lastUsedAt === null || now - token.lastUsedAt >= LAST_USED_RESOLUTION_MS) {
      token.lastUsedAt = now;
      await this.writes.transaction((manager) =>
        manager.update(ApiTokenEntity, { id: token.id }, { lastUsedAt: now }),
      );
    }
    return { token, user };
  }

  private async checkAccount(owner: Principal, accountId: string): Promise<void> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: accountId });
    if (!account)
      throw ApiError.notFound('ACCOUNT_NOT_FOUND', `No paper account with id "${accountId}".`, {
        accountId,
      });
    if (owner.role !== 'admin' && account.ownerUserId !== owner.userId)
      throw ApiError.forbidden(`Account ${accountId} is not yours.`, { accountId });
  }

  private summary(row: ApiTokenEntity, owner: string): ApiTokenSummary {
    return {
      id: row.id,
      name: row.name,
      owner,
      role: row.role as Role,
      accountId: row.accountId,
      createdAt: new Date(row.createdAt).toISOString(),
      lastUsedAt: row.lastUsedAt === null ? null : new Date(row.lastUsedAt).toISOString(),
    };
  }
}
