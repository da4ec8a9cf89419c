export * from './lib/paper-trading.module';
export * from './lib/paper-trading.service';
