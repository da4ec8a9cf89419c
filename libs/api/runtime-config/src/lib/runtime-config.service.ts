import { Injectable } from '@nestjs/common';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import {
  AccountEntity,
  DatabaseWrites,
  DEFAULT_ACCOUNT_ID,
  PortfolioConfigEntity,
} from '@ptp/api/persistence';
import { ApiError } from '@ptp/api/shared';
import { CONFIG_ERROR_CODES, type RuntimeConfig, type RuntimeConfigPatch } from '@ptp/contracts';
import { type Observable, Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import { overridesToRows, rowsToOverrides } from './config-rows';
import {
  type ConfigOverrides,
  mergeOverrides,
  resolveRuntimeConfig,
} from './runtime-config.resolve';

export interface RuntimeConfigChange {
  readonly accountId: string;
  readonly config: RuntimeConfig;
  /** Made by another process (and re-read here by `reload`), not by a PATCH to this one. */
  readonly remote?: boolean;
}

/**
 * The runtime configuration of each paper account: config/platform.json with the account's changes
 * (persisted in portfolio_config) on top. Reads are served from memory, so a session may call get()
 * on every tick; a PATCH is validated as a whole, persisted in one transaction, then published on
 * changes$, so it takes effect without a restart.
 */
@Injectable()
export class RuntimeConfigService {
  private readonly cache = new Map<string, RuntimeConfig>();
  private readonly changesSubject = new Subject<RuntimeConfigChange>();
  private patches: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly database: DatabaseWrites,
    @InjectAppConfig() private readonly file: AppConfig,
  ) {}

  /** Every successful update, after it is persisted. */
  get changes$(): Observable<RuntimeConfigChange> {
    return this.changesSubject.asObservable();
  }

  /** The effective config of an account; 404 ACCOUNT_NOT_FOUND for an unknown account. */
  async get(accountId: string = DEFAULT_ACCOUNT_ID): Promise<RuntimeConfig> {
    return this.cache.get(accountId) ?? this.load(accountId);
  }

  /** Applies a patch (types already checked by the DTO); nothing is stored unless the merged config is valid. */
  update(accountId: string, patch: RuntimeConfigPatch): Promise<RuntimeConfig> {
    const run = this.patches.then(() => this.applyPatch(accountId, patch));
    this.patches = run.catch(() => undefined);
    return run;
  }

  /**
   * Another process changed the account's config: read it again from the database and publish it
   * on changes$ as a remote change. An account this process never read is left alone.
   */
  async reload(accountId: string): Promise<void> {
    if (!this.cache.has(accountId)) return;
    await this.patches;
    const config = await this.load(accountId);
    this.changesSubject.next({ accountId, config, remote: true });
  }

  /** Forgets the cached config of a deleted or reset account (its rows are deleted by the caller). */
  evict(accountId: string): void {
    this.cache.delete(accountId);
  }

  private async applyPatch(accountId: string, patch: RuntimeConfigPatch): Promise<RuntimeConfig> {
    const { overrides } = await this.readStored(accountId);
    const merged = mergeOverrides(overrides, patch);
    const now = Date.now();
    const config = resolveRuntimeConfig(accountId, this.file, merged, now);
    await this.database.transaction(async (manager) => {
      await manager.delete(PortfolioConfigEntity, { accountId });
      const rows = overridesToRows(accountId, merged, now);
      if (rows.length > 0) await manager.insert(PortfolioConfigEntity, rows);
    });
    this.cache.set(accountId, config);
    this.changesSubject.next({ accountId, config });
    return config;
  }

  private async load(accountId: string): Promise<RuntimeConfig> {
    const { overrides, updatedAt } = await this.readStored(accountId);
    const config = resolveRuntimeConfig(accountId, this.file, overrides, updatedAt);
    this.cache.set(accountId, config);
    return config;
  }

  private async readStored(
    accountId: string,
  ): Promise<{ overrides: ConfigOverrides; updatedAt: number | null }> {
    if (!(await this.dataSource.getRepository(AccountEntity).existsBy({ id: accountId }))) {
      throw ApiError.notFound(
        CONFIG_ERROR_CODES.accountNotFound,
        `No paper account with id "${accountId}".`,
        { accountId },
      );
    }
    const rows = await this.dataSource.getRepository(PortfolioConfigEntity).findBy({ accountId });
    const updatedAt = rows.length > 0 ? Math.max(...rows.map((row) => row.updatedAt)) : null;
    return { overrides: rowsToOverrides(rows), updatedAt };
  }
}
