import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { BacktestRuns1764000000001 } from './1764000000001-backtest-runs';
import { EngineStates1764000000002 } from './1764000000002-engine-states';
import { RoundTrips1764000000003 } from './1764000000003-round-trips';
import { ClientOrderIds1764000000004 } from './1764000000004-client-order-ids';
import { Identity1764000000005 } from './1764000000005-identity';
import { BacktestUploads1764000000006 } from './1764000000006-backtest-uploads';
import { AccountFences1764000000007 } from './1764000000007-account-fences';
import { BacktestRanBy1764000000008 } from './1764000000008-backtest-ran-by';
import { OrderUuids1764000000009 } from './1764000000009-order-uuids';
import { CorporateActivities1764000000010 } from './1764000000010-corporate-activities';
import { CatchUpIndexes1764000000011 } from './1764000000011-catch-up-indexes';

/** Every migration in order. New migrations are appended here so that bundling keeps them. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  BacktestRuns1764000000001,
  EngineStates1764000000002,
  RoundTrips1764000000003,
  ClientOrderIds1764000000004,
  Identity1764000000005,
  BacktestUploads1764000000006,
  AccountFences1764000000007,
  BacktestRanBy1764000000008,
  OrderUuids1764000000009,
  CorporateActivities1764000000010,
  CatchUpIndexes1764000000011,
];
