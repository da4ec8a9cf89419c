import { Injectable } from '@nestjs/common';
import { ApiTokensService, AuthModeService, tokenPrincipal } from '@ptp/api/identity';
import { AccountEntity, DEFAULT_ACCOUNT_ID } from '@ptp/api/persistence';
import { ApiError, assertAccountAccess } from '@ptp/api/shared';
import { DataSource } from 'typeorm';

/** The key pair of a stream's `auth` (`key`/`secret`) or `authenticate` (`key_id`/`secret_key`). */
export interface StreamCredentials {
  readonly key?: unknown;
  readonly secret?: unknown;
}

/**
 * Who a trade-updates stream belongs to, checked like a REST request: the key pair is an API token
 * (id and secret), its account must be one the token and its user may read; local mode takes any.
 */
@Injectable()
export class StreamAuthService {
  constructor(
    private readonly mode: AuthModeService,
    private readonly tokens: ApiTokensService,
    private readonly dataSource: DataSource,
  ) {}

  /** The account the stream follows, or null when the credentials are refused. */
  async accountOf(credentials: StreamCredentials): Promise<string | null> {
    if ((await this.mode.state()) === 'local') return DEFAULT_ACCOUNT_ID;
    const { key, secret } = credentials;
    if (typeof secret !== 'string') return null;
    const found = await this.tokens.find(secret);
    if (!found || (typeof key === 'string' && key !== '' && key !== found.token.id)) return null;
    const principal = tokenPrincipal(found);
    const accountId = found.token.accountId ?? DEFAULT_ACCOUNT_ID;
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: accountId });
    if (!account) return null;
    try {
      assertAccountAccess(principal, accountId, account.ownerUserId);
    } catch (error) {
      if (error instanceof ApiError) return null;
      throw error;
    }
    return accountId;
  }
}
