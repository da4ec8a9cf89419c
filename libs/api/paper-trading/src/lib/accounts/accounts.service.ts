import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import {
  AccountEntity,
  AccountFenceEntity,
  DatabaseWrites,
  DEFAULT_ACCOUNT_ID,
  deleteAccountHistory,
  PortfolioConfigEntity,
} from '@ptp/api/persistence';
import { ApiError } from '@ptp/api/shared';
import { DataSource, type FindOptionsWhere } from 'typeorm';
import { AccountFence } from '../ownership/account-fence.service';
import { RecentAccounts } from './recent-accounts';

/** How long a found account is believed without asking the database again. */
const ACCOUNT_MAX_AGE_MS = 1000;

@Injectable()
export class AccountsService {
  private readonly recent = new RecentAccounts(ACCOUNT_MAX_AGE_MS);

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: DatabaseWrites,
    private readonly fence: AccountFence,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  /** The account an `accountId` parameter names, or the default account when it is omitted. */
  async resolve(accountId: string | undefined): Promise<AccountEntity> {
    const id = accountId ?? DEFAULT_ACCOUNT_ID;
    const recent = this.recent.get(id);
    if (recent) return recent;
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id });
    if (!account)
      throw ApiError.notFound('ACCOUNT_NOT_FOUND', `No paper account with id "${id}".`, {
        accountId: id,
      });
    return this.recent.remember(account);
  }

  list(where: FindOptionsWhere<AccountEntity> = {}): Promise<AccountEntity[]> {
    return this.dataSource
      .getRepository(AccountEntity)
      .find({ where, order: { isDefault: 'DESC', createdAt: 'ASC', id: 'ASC' } });
  }

  async create(
    name: string,
    startingCapital: number | undefined,
    ownerUserId: string | null = null,
  ): Promise<AccountEntity> {
    const repository = this.dataSource.getRepository(AccountEntity);
    if (await repository.existsBy({ name }))
      throw ApiError.conflict('ACCOUNT_NAME_TAKEN', `An account named "${name}" already exists.`, {
        name,
      });
    const account: AccountEntity = {
      id: randomUUID(),
      name,
      startingCapital: String(startingCapital ?? this.config.trading.startingCapital),
      isDefault: false,
      ownerUserId,
      createdAt: Date.now(),
    };
    await this.writes.exclusive(() => repository.insert(account));
    return account;
  }

  async delete(account: AccountEntity): Promise<void> {
    if (account.isDefault)
      throw ApiError.conflict(
        'DEFAULT_ACCOUNT',
        'The default account cannot be deleted; reset it instead.',
        { accountId: account.id },
      );
    await this.writes.transaction(async (manager) => {
      await this.fence.check(manager, account.id);
      await deleteAccountHistory(manager, account.id);
      await manager.delete(AccountFenceEntity, { accountId: account.id });
      await manager.delete(PortfolioConfigEntity, { accountId: account.id });
      await manager.delete(AccountEntity, { id: account.id });
    });
    this.recent.forget(account.id);
  }
}
