/** Statistics of closed round trips (net P&L in account currency). */
export interface TradeStatistics {
  readonly count: number;
  /** Round trips with pnl > 0. */
  readonly wins: number;
  /** Round trips with pnl < 0 (break-even is neither). */
  readonly losses: number;
  readonly winRate: number | null;
  /** Mean pnl of the wins; null without a win. */
  readonly averageWin: number | null;
  /** Mean pnl of the losses (a negative number); null without a loss. */
  readonly averageLoss: number | null;
  readonly profitFactor: number | null;
  readonly expectancy: number | null;
  /** Mean of exit − entry time, ms. */
  readonly averageHoldingMs: number | null;
  /** Highest pnl of one round trip. */
  readonly bestTrade: number | null;
  /** Lowest pnl of one round trip. */
  readonly worstTrade: number | null;
  /** Most losses in a row, by exit time; a win or a break-even ends a streak. */
  readonly longestLosingStreak: number;
}

/** Change of end-of-day equity against the previous day's (the first day: against the first point). */
export interface DailyPnl {
  /** Trading day `YYYY-MM-DD`. */
  readonly date: string;
  readonly pnl: number;
}

/** Return of a calendar month: last equity of the month / last equity before it − 1 (fraction). */
export interface MonthlyReturn {
  /** `YYYY-MM` of the trading days in it. */
  readonly month: string;
  readonly return: number | null;
}

/** Realised P&L of one symbol's closed round trips. */
export interface SymbolPnl {
  readonly symbol: string;
  readonly pnl: number;
  readonly trades: number;
  readonly wins: number;
}

/** Cumulative return of the strategy and of buy-and-hold at one instant (fractions). */
export interface CumulativeReturnPoint {
  readonly time: number;
  readonly strategy: number;
  /** null before the first benchmark price or without a benchmark. */
  readonly benchmark: number | null;
}

export interface PerformanceReport {
  readonly trades: TradeStatistics;
  readonly dailyPnl: readonly DailyPnl[];
  readonly monthlyReturns: readonly MonthlyReturn[];
  /** Highest P&L first. */
  readonly symbolPnl: readonly SymbolPnl[];
  /** At most `maxPoints` points, evenly sampled, the first and last always kept. */
  readonly cumulativeReturns: readonly CumulativeReturnPoint[];
}
