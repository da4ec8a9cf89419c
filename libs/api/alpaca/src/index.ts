export * from './lib/alpaca.module';
