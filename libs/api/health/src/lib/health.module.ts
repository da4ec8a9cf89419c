import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { HealthContributor } from '@ptp/api/shared';
import { HealthChecks, HEALTH_CONTRIBUTORS } from './health-checks.service';
import { HealthController } from './health.controller';

export interface HealthModuleOptions {
  /** Modules that export the contributors. */
  readonly imports: ModuleMetadata['imports'];
  readonly contributors: Type<HealthContributor>[];
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
      ],
    };
  }
}
