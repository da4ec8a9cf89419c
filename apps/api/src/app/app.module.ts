import { join } from 'node:path';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AlpacaModule } from '@ptp/api/alpaca';
import { AppConfigModule, type AppConfig } from '@ptp/api/config';
import { HealthModule } from '@ptp/api/health';
import { AccessGuard, IdentifyGuard, IdentityModule, rateLimits } from '@ptp/api/identity';
import { MarketDataHealthContributor, MarketDataModule } from '@ptp/api/market-data';
import { MetricsModule } from '@ptp/api/metrics';
import { PaperTradingModule, TradingDesks } from '@ptp/api/paper-trading';
import { PersistenceModule } from '@ptp/api/persistence';
import { PortfolioInvariantsContributor, PortfolioModule } from '@ptp/api/portfolio';
import { RiskModule } from '@ptp/api/risk';
import { RuntimeConfigModule } from '@ptp/api/runtime-config';
import { ApiExceptionFilter, APP_VERSION, EnvelopeInterceptor } from '@ptp/api/shared';
import {
  BacktestExecutionModule,
  BacktestsHealthContributor,
  StrategyModule,
} from '@ptp/api/strategy';
import { LoggerModule } from 'nestjs-pino';
import { APP_VERSION_VALUE } from './app-version.value';
import { loggerOptions } from './logger.options';
import { ResponseInterceptor } from './response.interceptor';

export interface AppModuleOptions {
  /** Folder of the built dashboard; omitted in API-only tests. */
  readonly webRoot?: string;
}

export const DEFAULT_WEB_ROOT = join(__dirname, '..', 'web', 'browser');

/** Everything that trades and serves the dashboard: the `api` and `all` roles. */
function tradingImports(options: AppModuleOptions): NonNullable<DynamicModule['imports']> {
  return [
    HealthModule.register({
      contributors: [
        MarketDataHealthContributor,
        PortfolioInvariantsContributor,
        BacktestsHealthContributor,
      ],
      imports: [MarketDataModule, PaperTradingModule, PortfolioModule],
      ownedAccounts: TradingDesks,
    }),
    AlpacaModule,
    MarketDataModule,
    PaperTradingModule,
    PortfolioModule,
    RiskModule,
    RuntimeConfigModule,
    StrategyModule,
    ...(options.webRoot
      ? [
          ServeStaticModule.forRoot({
            exclude: [
              '/api/{*path}',
              '/health{/*path}',
              '/paper-trading/{*path}',
              '/metrics',
              '/v2/{*path}',
              '/stream',
            ],
            rootPath: options.webRoot,
          }),
        ]
      : []),
  ];
}

/**
 * The composition root: every feature module, wired by DI around the resolved configuration. A
 * worker keeps what its health endpoints need (database, identity to guard GET /health) and the
 * backtest execution that consumes the job queue; it trades nothing and serves no backtest routes.
 */
@Module({})
export class AppModule {
  static register(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      imports: [
        AppConfigModule.forRoot(config),
        IdentityModule,
        LoggerModule.forRoot(loggerOptions(config)),
        MetricsModule,
        PersistenceModule,
        ThrottlerModule.forRoot(rateLimits(config)),
        BacktestExecutionModule.forRoot(config),
        ...(config.server.role === 'worker'
          ? [HealthModule.register({ contributors: [BacktestsHealthContributor], imports: [] })]
          : tradingImports(options)),
      ],
      module: AppModule,
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        // In this order: who is calling, then the rate limit counted per caller, then may they.
        { provide: APP_GUARD, useExisting: IdentifyGuard },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useExisting: AccessGuard },
        EnvelopeInterceptor,
        { provide: APP_INTERCEPTOR, useClass: ResponseInterceptor },
        { provide: APP_VERSION, useValue: APP_VERSION_VALUE },
      ],
      exports: [APP_VERSION],
      global: true,
    };
  }
}
