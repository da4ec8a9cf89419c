export * from './lib/backtest-metrics';
export * from './lib/http-metrics';
export * from './lib/market-data-metrics';
export * from './lib/metrics-registry';
export * from './lib/metrics.module';
export * from './lib/trading-metrics';
