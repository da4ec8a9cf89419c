import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ptp/api/config';
import { DatabaseWrites } from '@ptp/api/persistence';
import { DataSource } from 'typeorm';
import { AuditController } from './audit/audit.controller';
import { AuditLogService } from './audit/audit-log.service';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuthController } from './auth.controller';
import { AuthModeService } from './auth-mode.service';
import { AccessGuard } from './guard/access.guard';
import { IdentifyGuard } from './guard/identify.guard';
import { LoginAttemptsService } from './sessions/login-attempts.service';
import { LoginFailures, MemoryLoginFailures, RedisLoginFailures } from './sessions/login-failures';
import { DatabaseSessionStore } from './sessions/database-session-store';
import { LoginSessionStore } from './sessions/login-session-store';
import { LoginSessionsService } from './sessions/login-sessions.service';
import { RedisSessionStore } from './sessions/redis-session-store';
import { ApiTokensService } from './tokens/api-tokens.service';
import { TokensController } from './tokens/tokens.controller';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/**
 * Users, dashboard logins, API tokens, roles and account ownership, and the audit log. The app
 * module installs its guards (IdentifyGuard, then the rate limiter, then AccessGuard) and the
 * AuditInterceptor globally, so every route is covered without opting in.
 */
@Module({
  controllers: [AuditController, AuthController, TokensController, UsersController],
  providers: [
    {
      inject: [APP_CONFIG, DataSource, DatabaseWrites],
      provide: LoginSessionStore,
      useFactory: (config: AppConfig, dataSource: DataSource, writes: DatabaseWrites) =>
        config.redisUrl
          ? new RedisSessionStore(config.redisUrl.reveal(), config.redisPrefix)
          : new DatabaseSessionStore(dataSource, writes),
    },
    {
      inject: [APP_CONFIG],
      provide: LoginFailures,
      useFactory: (config: AppConfig) =>
        config.redisUrl
          ? new RedisLoginFailures(config.redisUrl.reveal(), config.redisPrefix)
          : new MemoryLoginFailures(),
    },
    AccessGuard,
    ApiTokensService,
    AuditInterceptor,
    AuditLogService,
    AuthModeService,
    IdentifyGuard,
    LoginAttemptsService,
    LoginSessionsService,
    UsersService,
  ],
  exports: [AccessGuard, ApiTokensService, AuditInterceptor, AuthModeService, IdentifyGuard],
})
export class IdentityModule {}
