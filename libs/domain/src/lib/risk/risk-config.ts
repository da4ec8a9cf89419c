/**
 * Pre-trade risk limits. Names and units match the runtime config: percentages are in percent
 * (10 = 10 %), money in dollars.
 */
export interface RiskConfig {
  /** A position may be worth at most this share of equity. */
  readonly maxPositionPct: number;
  readonly maxOpenPositions: number;
  /** Loss from the start-of-day equity that stops new entries until the next session. */
  readonly dailyLossLimitPct: number;
  /** Sell every position once the daily loss limit is breached. */
  readonly flattenOnDailyLossLimit: boolean;
  readonly minOrderNotional: number;
  /** Accept orders only during the NYSE regular session. */
  readonly enforceMarketHours: boolean;
  /** Stop-loss attached to every entry, percent below the entry fill; null = none. */
  readonly defaultStopLossPct: number | null;
  /** Take-profit attached to every entry, percent above the entry fill; null = none. */
  readonly defaultTakeProfitPct: number | null;
  /**
   * FINRA's pattern-day-trader rule, opt-in: under $25,000 of equity, a fourth day trade within
   * five business days is refused.
   */
  readonly patternDayTrader: boolean;
}

export const DEFAULT_RISK_CONFIG: RiskConfig = {
  maxPositionPct: 10,
  maxOpenPositions: 8,
  dailyLossLimitPct: 5,
  flattenOnDailyLossLimit: false,
  minOrderNotional: 1,
  enforceMarketHours: true,
  defaultStopLossPct: null,
  defaultTakeProfitPct: null,
  patternDayTrader: false,
};

export type RiskCode =
  | 'RISK_MAX_POSITION'
  | 'RISK_MAX_OPEN_POSITIONS'
  | 'RISK_DAILY_LOSS_LIMIT'
  | 'RISK_MIN_NOTIONAL'
  | 'RISK_MARKET_CLOSED'
  | 'INSUFFICIENT_CASH'
  | 'RISK_ZERO_QUANTITY'
  | 'NO_SHORT_POSITIONS'
  | 'RISK_PDT';

/**
 * Why risk refused an order, with the numbers behind it in the rule's unit (dollars for position
 * size, notional, cash and daily loss; a count for open positions; null where no number applies).
 */
export interface RiskRejection {
  readonly code: RiskCode;
  readonly limit: number | null;
  readonly requested: number | null;
  readonly message: string;
  /** The business days a counted rule looks at (RISK_PDT). */
  readonly window?: { readonly from: string; readonly to: string };
}
