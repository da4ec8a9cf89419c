export * from './lib/strategy.module';
