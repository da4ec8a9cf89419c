import type { FeeSchedule, RiskConfig, StrategyParams } from '@ptp/domain';

/** Pre-trade risk limits (percentages are 0–100, e.g. 10 = 10 % of equity; money in dollars). */
export type RiskLimits = RiskConfig;

/** Commission model, charged on every fill; the regulatory rates are not configurable over the API. */
export type FeeSettings = Omit<FeeSchedule, 'regulatoryRates'>;

/**
 * GET /api/config?accountId= — the effective runtime configuration of an account: the file config
 * (config/platform.json) with the account's persisted changes on top.
 */
/** execution.limitFillRule: touch (a limit fills when reached) or through (when traded beyond). */
export const LIMIT_FILL_RULE_VALUES = ['touch', 'through'] as const;
export type LimitFillRuleName = (typeof LIMIT_FILL_RULE_VALUES)[number];

/** Fill realism of an account and of backtests (docs/engine.md, "Volume-aware fills"). */
export interface ExecutionSettings {
  /** An order fills at most this percent of each bar's volume; null: whole fills. */
  readonly maxVolumePct: number | null;
  readonly limitFillRule: LimitFillRuleName;
}

export interface RuntimeConfig {
  readonly accountId: string;
  readonly risk: RiskLimits;
  /** Default strategy of /paper-trading/start. */
  readonly strategy: string;
  /** Every strategy's parameters with defaults filled in. */
  readonly strategies: Readonly<Record<string, StrategyParams>>;
  readonly watchlist: readonly string[];
  readonly signalIntervalSec: number;
  readonly fees: FeeSettings;
  /** Adverse slippage in basis points of the price. */
  readonly slippageBps: number;
  readonly execution: ExecutionSettings;
  /** ISO-8601 UTC of the last PATCH, null when the account runs on the file defaults. */
  readonly updatedAt: string | null;
}

/**
 * PATCH /api/config?accountId= — any subset; nested objects are merged key by key, a strategy's
 * params replace only the keys given. Unknown keys answer 400 and change nothing.
 */
export interface RuntimeConfigPatch extends Partial<
  Omit<RuntimeConfig, 'accountId' | 'updatedAt' | 'risk' | 'fees' | 'execution'>
> {
  readonly risk?: Partial<RiskLimits>;
  readonly fees?: Partial<FeeSettings>;
  readonly execution?: Partial<ExecutionSettings>;
}

export const CONFIG_ERROR_CODES = {
  validation: 'VALIDATION_FAILED',
  unknownStrategy: 'UNKNOWN_STRATEGY',
  invalidStrategyParams: 'INVALID_STRATEGY_PARAMS',
  accountNotFound: 'ACCOUNT_NOT_FOUND',
} as const;
