export * from './lib/strategy.module';
export * from './lib/backtests/execution/backtest-execution.module';
export { BacktestsHealthContributor } from './lib/backtests/execution/backtests.health';
