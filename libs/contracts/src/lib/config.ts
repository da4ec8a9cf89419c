/** Pre-trade risk limits (percentages are 0–100, e.g. 10 = 10 % of equity). */
export interface RiskLimits {
  readonly maxPositionPct: number;
  readonly maxOpenPositions: number;
  readonly dailyLossLimitPct: number;
  readonly flattenOnDailyLossLimit: boolean;
  /** Dollars. */
  readonly minOrderNotional: number;
  readonly enforceMarketHours: boolean;
  /** Percent below the entry price; null = no default stop-loss. */
  readonly defaultStopLossPct: number | null;
  /** Percent above the entry price; null = no default take-profit. */
  readonly defaultTakeProfitPct: number | null;
}

/** Commission model, charged on every fill. */
export interface FeeSettings {
  /** Percent of notional (0.1 = 0.1 %). */
  readonly percent: number;
  /** Dollars per share, with `perShareMinimum` per order. */
  readonly perShare: number;
  readonly perShareMinimum: number;
  /** Dollars per order. */
  readonly flat: number;
  /** SEC/FINRA sell-side fees. */
  readonly regulatory: boolean;
}

/**
 * GET /api/config?accountId= — the effective runtime configuration of an account: the file config
 * (config/platform.json) with the account's persisted changes on top.
 */
export interface RuntimeConfig {
  readonly accountId: string;
  readonly risk: RiskLimits;
  /** Default strategy of /paper-trading/start. */
  readonly strategy: string;
  /** Every strategy's parameters with defaults filled in. */
  readonly strategies: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly watchlist: readonly string[];
  readonly signalIntervalSec: number;
  readonly fees: FeeSettings;
  /** Adverse slippage in basis points of the price. */
  readonly slippageBps: number;
  /** ISO-8601 UTC of the last PATCH, null when the account runs on the file defaults. */
  readonly updatedAt: string | null;
}

/**
 * PATCH /api/config?accountId= — any subset; nested objects are merged key by key, a strategy's
 * params replace only the keys given. Unknown keys answer 400 and change nothing.
 */
export interface RuntimeConfigPatch {
  readonly risk?: Partial<RiskLimits>;
  readonly strategy?: string;
  readonly strategies?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly watchlist?: readonly string[];
  readonly signalIntervalSec?: number;
  readonly fees?: Partial<FeeSettings>;
  readonly slippageBps?: number;
}

export const CONFIG_ERROR_CODES = {
  validation: 'VALIDATION_FAILED',
  unknownStrategy: 'UNKNOWN_STRATEGY',
  invalidStrategyParams: 'INVALID_STRATEGY_PARAMS',
  accountNotFound: 'ACCOUNT_NOT_FOUND',
} as const;
