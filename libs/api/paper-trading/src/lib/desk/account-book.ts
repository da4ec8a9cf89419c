import type { AccountEntity } from '@ptp/api/persistence';
import type { RuntimeConfig } from '@ptp/contracts';
import type { TradingEngine } from '@ptp/domain';
import type { TickSession } from './tick-session';

/** The engine an account trades with, and what it was built from (a change of either rebuilds it). */
export interface LiveEngine {
  readonly engine: TradingEngine;
  readonly runtime: RuntimeConfig;
  readonly session: TickSession | null;
  /** Newest bar time the engine has processed: older bars would be out of order. */
  barTime: number;
}

/** An account's state held in memory between changes: its engine and what the API adds around it. */
export interface AccountBook {
  readonly account: AccountEntity;
  live: LiveEngine;
  /** Symbols with working orders: a new price of one of them is evaluated at once. */
  openOrderSymbols: Set<string>;
  /** Time of each open position's last fill (positions rows carry it). */
  lastFillTime: Map<string, number>;
  /** Buy-and-hold benchmark chained from the last recorded value at this price. */
  benchmarkAnchor: { price: number; value: number } | null;
  /** Market time of the newest data the account has seen (fills and snapshots are stamped with it). */
  marketTime: number;
}
