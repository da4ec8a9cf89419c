import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { TradingSessionEntity, type AccountEntity } from '@ptp/api/persistence';
import { RuntimeConfigService } from '@ptp/api/runtime-config';
import { ApiError, type Principal } from '@ptp/api/shared';
import { IsNull } from 'typeorm';
import type { Account } from '@ptp/contracts';
import type { Repository } from 'typeorm';
import { AccountViewPublisher } from '../account-views/account-view-publisher.service';
import { TradingDesks } from '../desk/trading-desks.service';
import { OwnerCommands, type RoutedCommand } from '../ownership/owner-commands.service';
import { AccountsService } from './accounts.service';

/**
 * Create, list, reset and delete accounts, keeping the desk's memory in step with the database.
 * Resets and deletions run on the account's owner, wherever they arrive.
 */
@Injectable()
export class AccountLifecycle {
  private readonly resetAtOwner: RoutedCommand<[string], Account>;
  private readonly deleteAtOwner: RoutedCommand<[string], Account>;

  constructor(
    private readonly accounts: AccountsService,
    private readonly desks: TradingDesks,
    private readonly runtime: RuntimeConfigService,
    @InjectRepository(TradingSessionEntity)
    private readonly sessions: Repository<TradingSessionEntity>,
    commands: OwnerCommands,
    private readonly views: AccountViewPublisher,
  ) {
    this.resetAtOwner = commands.register('accounts.reset', (id) => this.resetHere(id));
    this.deleteAtOwner = commands.register('accounts.delete', (id) => this.deleteHere(id));
  }

  /** The accounts the caller may see: a trader its own, a token limited to one account that one. */
  async list(caller: Principal): Promise<Account[]> {
    const visible = await this.accounts.list({
      ...(caller.accountId !== null ? { id: caller.accountId } : {}),
      ...(caller.role === 'trader' ? { ownerUserId: caller.userId ?? IsNull() } : {}),
    });
    return Promise.all(visible.map((account) => this.describe(account)));
  }

  /** The new account belongs to its creator (nobody in local mode). */
  async create(
    name: string,
    startingCapital: number | undefined,
    ownerUserId: string | null,
  ): Promise<Account> {
    return this.describe(await this.accounts.create(name, startingCapital, ownerUserId));
  }

  /** Back to the starting capital with no history. A running session must be stopped first. */
  async reset(accountId: string | undefined): Promise<Account> {
    const account = await this.accounts.resolve(accountId);
    return this.resetAtOwner(account.id, account.id);
  }

  async delete(accountId: string): Promise<Account> {
    const account = await this.accounts.resolve(accountId);
    return this.deleteAtOwner(account.id, account.id);
  }

  private async resetHere(accountId: string): Promise<Account> {
    const account = await this.accounts.resolve(accountId);
    await this.desks.withDesk(account.id, async (desk) => {
      await this.refuseWhileRunning(account.id, 'reset');
      await desk.reset();
    });
    // In a cluster the answer is read from the account's view: the reset must be in it first.
    await this.views.changed(account.id);
    return this.describe(account);
  }

  private async deleteHere(accountId: string): Promise<Account> {
    const account = await this.accounts.resolve(accountId);
    return this.desks.exclusive(account.id, async () => {
      await this.refuseWhileRunning(account.id, 'delete');
      const last = await this.describe(account);
      await this.accounts.delete(account);
      this.desks.forget(account.id);
      this.runtime.evict(account.id);
      return last;
    });
  }

  private async refuseWhileRunning(accountId: string, action: string): Promise<void> {
    if (await this.sessions.existsBy({ accountId, status: 'running' })) {
      throw ApiError.conflict(
        'SESSION_RUNNING',
        `Stop the running session before you ${action} account ${accountId}.`,
        { accountId },
      );
    }
  }

  private async describe(account: AccountEntity): Promise<Account> {
    const [valuation, session] = await Promise.all([
      this.desks.valuation(account.id),
      this.sessions.findOneBy({ accountId: account.id, status: 'running' }),
    ]);
    return {
      id: account.id,
      name: account.name,
      isDefault: account.isDefault,
      startingCapital: account.startingCapital,
      cash: valuation.cash,
      equity: valuation.equity,
      totalPnl: valuation.totalPnl,
      sessionState: session ? 'running' : 'idle',
      strategy: session?.strategy ?? null,
      createdAt: new Date(account.createdAt).toISOString(),
    };
  }
}
