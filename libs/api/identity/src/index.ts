export * from './lib/identity.module';
export * from './lib/guard/access.guard';
export * from './lib/guard/identify.guard';
export * from './lib/guard/request-credentials';
export * from './lib/audit/audit.interceptor';
export * from './lib/auth-mode.service';
export * from './lib/users/users-command';
export * from './lib/guard/rate-limits';
