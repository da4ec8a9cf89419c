import { type DynamicModule, Inject, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './app-config';

/** Provides the resolved AppConfig to every module; loaded once in main.ts before Nest starts. */
@Module({})
export class AppConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      exports: [APP_CONFIG],
      global: true,
      module: AppConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
    };
  }
}

export const InjectAppConfig = (): ParameterDecorator => Inject(APP_CONFIG);
