import type { LedgerState } from '../ledger/ledger-views';
import type { CorporateActionState } from './corporate-action-book';
import type { OpenRoundTrip } from '../ledger/round-trips';
import type { Order } from '../orders/order-types';
import type { DailyLossState } from '../risk/daily-loss-guard';
import type { DayTradeState } from '../risk/day-trades';
import type { EngineCounters } from './engine-ids';
import type { PositionOpening } from './position-history';

/**
 * Everything the engine needs, besides its config and the indicator warm-up, to carry on exactly
 * where it stopped. Plain JSON: a service can store it with each tick.
 */
export interface EngineSnapshot {
  readonly version: 1;
  readonly time: number | null;
  readonly day: { readonly date: string; readonly end: number } | null;
  readonly counters: EngineCounters;
  readonly ledger: LedgerState;
  readonly marks: Readonly<Record<string, number>>;
  readonly openOrders: readonly Order[];
  readonly openTrips: readonly OpenRoundTrip[];
  readonly dailyLoss: DailyLossState;
  readonly lastEquityTime: number | null;
  /**
   * When each open position was opened and what it realised since. Absent from snapshots saved
   * before it was kept: restore then derives it from the fills, else from the open round trips.
   */
  readonly positionOpenings?: readonly PositionOpening[];
  /** Scheduled splits and dividends and unpaid dividends; absent when there are none. */
  readonly corporateActions?: CorporateActionState;
  /** The pattern-day-trader count; absent from older snapshots, which then start it afresh. */
  readonly dayTrades?: DayTradeState;
}
