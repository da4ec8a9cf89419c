export * from './lib/risk.module';
