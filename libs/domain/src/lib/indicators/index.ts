export * from './atr';
export * from './previous-bars';
export * from './rolling-extreme';
export * from './rsi';
export * from './sma';
export * from './sma-seeded-smoothing';
export * from './streaming-indicator';
