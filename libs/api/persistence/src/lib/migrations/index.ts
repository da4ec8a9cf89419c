import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { BacktestRuns1764000000001 } from './1764000000001-backtest-runs';
import { EngineStates1764000000002 } from './1764000000002-engine-states';

/** Every migration in order. New migrations are appended here so that bundling keeps them. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  BacktestRuns1764000000001,
  EngineStates1764000000002,
];
