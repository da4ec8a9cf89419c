import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import {
  AccountEntity,
  DatabaseWrites,
  DecisionEntity,
  DEFAULT_ACCOUNT_ID,
  EngineStateEntity,
  EquitySnapshotEntity,
  OrderEntity,
  PaperTradeEntity,
  PortfolioConfigEntity,
  PositionEntity,
  TradingSessionEntity,
} from '@ptp/api/persistence';
import { ApiError } from '@ptp/api/shared';
import { DataSource, type EntityManager } from 'typeorm';

/** Rows that make up an account's trading history; a reset deletes them, a delete also drops config and the account. */
const HISTORY_ENTITIES = [
  EngineStateEntity,
  PaperTradeEntity,
  PositionEntity,
  OrderEntity,
  EquitySnapshotEntity,
  DecisionEntity,
  TradingSessionEntity,
] as const;

@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: DatabaseWrites,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  /** The account an `accountId` parameter names, or the default account when it is omitted. */
  async resolve(accountId: string | undefined): Promise<AccountEntity> {
    const id = accountId ?? DEFAULT_ACCOUNT_ID;
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id });
    if (!account)
      throw ApiError.notFound('ACCOUNT_NOT_FOUND', `No paper account with id "${id}".`, {
        accountId: id,
      });
    return account;
  }

  list(): Promise<AccountEntity[]> {
    return this.dataSource
      .getRepository(AccountEntity)
      .find({ order: { isDefault: 'DESC', createdAt: 'ASC', id: 'ASC' } });
  }

  async create(name: string, startingCapital: number | undefined): Promise<AccountEntity> {
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
      createdAt: Date.now(),
    };
    await this.writes.exclusive(() => repository.insert(account));
    return account;
  }

  /** Deletes the account's trading history (fills, positions, orders, snapshots, decisions, sessions, engine state) in one transaction. */
  async wipeHistory(accountId: string): Promise<void> {
    await this.writes.transaction((manager) => this.deleteHistory(manager, accountId));
  }

  async delete(account: AccountEntity): Promise<void> {
    if (account.isDefault)
      throw ApiError.conflict(
        'DEFAULT_ACCOUNT',
        'The default account cannot be deleted; reset it instead.',
        { accountId: account.id },
      );
    await this.writes.transaction(async (manager) => {
      await this.deleteHistory(manager, account.id);
      await manager.delete(PortfolioConfigEntity, { accountId: account.id });
      await manager.delete(AccountEntity, { id: account.id });
    });
  }

  private async deleteHistory(manager: EntityManager, accountId: string): Promise<void> {
    for (const entity of HISTORY_ENTITIES) await manager.delete(entity, { accountId });
  }
}
