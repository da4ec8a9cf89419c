import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectAppConfig, type AppConfig } from '@ptp/api/config';
import { DataSource } from 'typeorm';
import { DEFAULT_ACCOUNT_ID, DEFAULT_ACCOUNT_NAME } from './default-account';
import { AccountEntity } from './entities';

/** Creates the default paper account on first start, funded with the configured starting capital. */
@Injectable()
export class DefaultAccountSeeder implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const accounts = this.dataSource.getRepository(AccountEntity);
    if (await accounts.existsBy({ id: DEFAULT_ACCOUNT_ID })) return;
    await accounts.insert({
      id: DEFAULT_ACCOUNT_ID,
      name: DEFAULT_ACCOUNT_NAME,
      startingCapital: String(this.config.trading.startingCapital),
      isDefault: true,
      createdAt: Date.now(),
    });
  }
}
