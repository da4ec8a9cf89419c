import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { HealthContributor } from '@ptp/api/shared';
import { HealthChecks, HEALTH_CONTRIBUTORS } from './health-checks.service';
import { HealthController } from './health.controller';
import { NO_ACCOUNTS, OWNED_ACCOUNTS, type OwnedAccounts } from './owned-accounts';

export interface HealthModuleOptions {
  /** Modules that export the contributors. */
  readonly imports: ModuleMetadata['imports'];
  readonly contributors: Type<HealthContributor>[];
  /** Says which accounts this process trades; a process that trades none leaves it out. */
  readonly ownedAccounts?: Type<OwnedAccounts>;
}

@Module({})
export class HealthModule {
  static register(options: HealthModuleOptions): DynamicModule {
    return {
      controllers: [HealthController],
      imports: [TerminusModule, ...(options.imports ?? [])],
      module: HealthModule,
      providers: [
        HealthChecks,
        {
          inject: options.contributors,
          provide: HEALTH_CONTRIBUTORS,
          useFactory: (...contributors: HealthContributor[]) => contributors,
        },
        options.ownedAccounts
          ? { provide: OWNED_ACCOUNTS, useExisting: options.ownedAccounts }
          : { provide: OWNED_ACCOUNTS, useValue: NO_ACCOUNTS },
      ],
    };
  }
}
