export * from './lib/health-checks.service';
export * from './lib/health.module';
export * from './lib/owned-accounts';
