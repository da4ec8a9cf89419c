import { join } from 'node:path';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AppConfigModule, type AppConfig } from '@ptp/api/config';
import { HealthModule } from '@ptp/api/health';
import {
  AccessGuard,
  AuditInterceptor,
  IdentifyGuard,
  IdentityModule,
  rateLimits,
} from '@ptp/api/identity';
import { MarketDataHealthContributor, MarketDataModule } from '@ptp/api/market-data';
import { MetricsModule } from '@ptp/api/metrics';
import { PaperTradingModule } from '@ptp/api/paper-trading';
import { PersistenceModule } from '@ptp/api/persistence';
import { PortfolioInvariantsContributor, PortfolioModule } from '@ptp/api/portfolio';
import { RiskModule } from '@ptp/api/risk';
import { RuntimeConfigModule } from '@ptp/api/runtime-config';
import { ApiExceptionFilter, APP_VERSION, EnvelopeInterceptor } from '@ptp/api/shared';
import { StrategyModule } from '@ptp/api/strategy';
import { LoggerModule } from 'nestjs-pino';
import { APP_VERSION_VALUE } from './app-version.value';
import { loggerOptions } from './logger.options';

export interface AppModuleOptions {
  /** Folder of the built dashboard; omitted in API-only tests. */
  readonly webRoot?: string;
}

export const DEFAULT_WEB_ROOT = join(__dirname, '..', 'web', 'browser');

/** The composition root: every feature module, wired by DI around the resolved configuration. */
@Module({})
export class AppModule {
  static register(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      imports: [
        AppConfigModule.forRoot(config),
        HealthModule.register({
          contributors: [MarketDataHealthContributor, PortfolioInvariantsContributor],
          imports: [MarketDataModule, PortfolioModule],
        }),
        IdentityModule,
        LoggerModule.forRoot(loggerOptions(config)),
        MarketDataModule,
        MetricsModule,
        PaperTradingModule,
        PersistenceModule,
        PortfolioModule,
        RiskModule,
        RuntimeConfigModule,
        StrategyModule,
        ThrottlerModule.forRoot(rateLimits(config)),
        ...(options.webRoot
          ? [
              ServeStaticModule.forRoot({
                exclude: ['/api/{*path}', '/health{/*path}', '/paper-trading/{*path}', '/metrics'],
                rootPath: options.webRoot,
              }),
            ]
          : []),
      ],
      module: AppModule,
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        // In this order: who is calling, then the rate limit counted per caller, then may they.
        { provide: APP_GUARD, useExisting: IdentifyGuard },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
        { provide: APP_INTERCEPTOR, useExisting: AuditInterceptor },
        { provide: APP_VERSION, useValue: APP_VERSION_VALUE },
      ],
      exports: [APP_VERSION],
      global: true,
    };
  }
}
