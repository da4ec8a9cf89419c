import type { AccountEntity, PositionEntity } from '@ptp/api/persistence';
import type { RuntimeConfig } from '@ptp/contracts';
import type { LedgerState, TradingEngine } from '@ptp/domain';
import type Decimal from 'decimal.js';
import type { TickSession } from './tick-session';

/** The engine an account trades with, and what it was built from (a change of either rebuilds it). */
export interface LiveEngine {
  readonly engine: TradingEngine;
  readonly runtime: RuntimeConfig;
  readonly session: TickSession | null;
  /** The engine's ledger as last written: the base each new batch of fills is booked from. */
  committed: LedgerState;
  /** Newest bar time the engine has processed: older bars would be out of order. */
  barTime: number;
}

/** An account's state held in memory between ticks: what the portfolio, status and chart answers are built from. */
export interface AccountBook {
  account: AccountEntity;
  cash: Decimal;
  realizedPnl: Decimal;
  positions: PositionEntity[];
  /** Cash held back by working buy orders (see buyReservation). */
  reserved: Decimal;
  /** Symbols with working orders: a new price of one of them is evaluated at once. */
  openOrderSymbols: Set<string>;
  /** New York date and equity at the start of the current trading day (for day P&L and the daily loss limit). */
  dayStart: { date: string; equity: Decimal } | null;
  lastEquity: Decimal | null;
  /** Buy-and-hold benchmark chained from the last recorded value at this price. */
  benchmarkAnchor: { price: number; value: number } | null;
  /** Market time of the newest data the account has seen (fills and snapshots are stamped with it). */
  marketTime: number;
  /** Built on first use inside the account's queue, so only one engine per account ever exists. */
  live: LiveEngine | null;
}
