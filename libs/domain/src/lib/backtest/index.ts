export * from './backtest-types';
export * from './run-backtest';
