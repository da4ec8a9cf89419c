export * from './ma-crossover.strategy';
export * from './indicator-series';
export * from './mixed.strategy';
export * from './momentum-breakout.strategy';
export * from './rsi-mean-reversion.strategy';
export * from './strategy';
export * from './strategy-params';
export * from './strategy-registry';
