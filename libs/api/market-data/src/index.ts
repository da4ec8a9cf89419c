export * from './lib/cache/price-cache';
export * from './lib/market-data.health';
export * from './lib/market-data.module';
export * from './lib/market-data.service';
export * from './lib/provider/clock';
export * from './lib/provider/market-data.provider';
export * from './lib/provider/provider-error';
