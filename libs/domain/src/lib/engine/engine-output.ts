import type { CorporateActivity } from '../corporate-actions/corporate-action-types';
import type { Fill } from '../ledger/fill';
import type { RoundTrip } from '../metrics/metrics-types';
import type { Order } from '../orders/order-types';

/**
 * approved: an order was placed; rejected: a risk rule refused it; none: nothing was asked of risk
 * (e.g. an order is already open).
 */
export type DecisionRiskOutcome = 'approved' | 'rejected' | 'none';

/** One enter/exit signal of a strategy and what became of it (holds are not recorded). */
export interface DecisionRecord {
  readonly id: string;
  /** The bar the signal was evaluated on. */
  readonly time: number;
  readonly symbol: string;
  readonly strategy: string;
  readonly action: 'enter' | 'exit';
  readonly reason: string;
  readonly indicators: Readonly<Record<string, number | null>>;
  readonly riskOutcome: DecisionRiskOutcome;
  readonly riskCode: string | null;
  readonly riskReason: string | null;
  readonly orderId: string | null;
}

export interface EngineAlert {
  readonly time: number;
  readonly code: 'DAILY_LOSS_LIMIT_BREACHED';
  readonly message: string;
  readonly limit: number;
  readonly loss: number;
}

/**
 * The equity recorded at each closed bar time, as columns: a backtest records one per bar and keeps
 * them all, two number arrays rather than an object per point.
 */
export interface EquityColumns {
  readonly times: number[];
  readonly values: number[];
}

/**
 * What happened since the last takeOutput(): a copy of every order that changed (as it is now, with
 * every transition; upsert by id), new fills, closed round trips, decisions, the equity at each bar
 * time, alerts, and the realised P&L of each new fill.
 */
export interface EngineOutput {
  readonly orders: Order[];
  readonly fills: Fill[];
  readonly roundTrips: RoundTrip[];
  readonly decisions: DecisionRecord[];
  readonly equity: EquityColumns;
  readonly alerts: EngineAlert[];
  /**
   * fillPnl[i] is the realised P&L of fills[i] as an exact decimal string, by the trade history's
   * convention: for a sell, the change of the ledger's realised P&L it caused (net of its fee); "0"
   * for a buy.
   */
  readonly fillPnl: string[];
  /** Splits and dividends booked (see CorporateActionBook), in the order they were. */
  readonly activities: CorporateActivity[];
  /**
   * activityFills[i] is how many fills the engine had booked (its fill counter) when it booked
   * activities[i]: with the fills' own numbers it puts both back in booking order on a restore.
   */
  readonly activityFills: number[];
}

/** Nothing yet; `equityCapacity` sizes the equity columns ahead of the points to come. */
export function emptyOutput(equityCapacity = 0): EngineOutput {
  return {
    orders: [],
    fills: [],
    roundTrips: [],
    decisions: [],
    equity: { times: new Array<number>(equityCapacity), values: new Array<number>(equityCapacity) },
    alerts: [],
    fillPnl: [],
    activities: [],
    activityFills: [],
  };
}
