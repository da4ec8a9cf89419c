import type { FeeSchedule } from '../execution/fees';
import type { RiskConfig } from '../risk/risk-config';
import type { SizingConfig } from '../risk/sizing';
import type { StrategyParams } from '../strategies/strategy';

export interface StrategyAssignment {
  /** A registered strategy name (ma-crossover, rsi-mean-reversion, momentum-breakout, mixed). */
  readonly name: string;
  readonly params?: Partial<StrategyParams>;
}

/** touch: a limit fills when the bar reaches it; through: only when the bar trades beyond it. */
export type LimitFillRule = 'touch' | 'through';
export const LIMIT_FILL_RULES: readonly LimitFillRule[] = ['touch', 'through'];

/** How fills meet the market: volume caps and the limit rule. */
export interface ExecutionConfig {
  /** At most this percent of each bar's volume fills per order; null: no cap. */
  readonly maxVolumePct: number | null;
  readonly limitFillRule: LimitFillRule;
}

export const DEFAULT_EXECUTION_CONFIG: ExecutionConfig = {
  maxVolumePct: null,
  limitFillRule: 'touch',
};

export interface EngineConfig {
  /** Dollars. */
  readonly startingCash: number;
  /** The strategy of each symbol; other symbols are traded only by manual orders. */
  readonly strategies: Readonly<Record<string, StrategyAssignment>>;
  /** null: every rule off except enough cash. */
  readonly risk: RiskConfig | null;
  readonly fees: FeeSchedule;
  readonly slippageBps: number;
  readonly sizing: SizingConfig;
  /** Prepended to every id the engine hands out (orders, fills, decisions), e.g. an account id. */
  readonly idPrefix?: string;
  /** Live prices older than this are never traded on. Default 180 000 ms. */
  readonly maxPriceAgeMs?: number;
  /** Default DEFAULT_EXECUTION_CONFIG: whole fills, limits fill on touch. */
  readonly execution?: ExecutionConfig;
}

export const DEFAULT_MAX_PRICE_AGE_MS = 180_000;

export class EngineConfigError extends Error {
  readonly code = 'INVALID_ENGINE_CONFIG';
  constructor(message: string) {
    super(message);
    this.name = 'EngineConfigError';
  }
}

const nonNegative = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * Rejects configs the engine cannot run with a precise message (strategy params are checked by
 * createStrategy).
 */
export function checkEngineConfig(config: EngineConfig): void {
  if (!nonNegative(config.startingCash))
    throw new EngineConfigError('startingCash must be a non-negative number of dollars');
  if (!nonNegative(config.slippageBps))
    throw new EngineConfigError('slippageBps must be a non-negative number');
  for (const key of ['percent', 'perShare', 'perShareMinimum', 'flat'] as const) {
    if (!nonNegative(config.fees[key]))
      throw new EngineConfigError(`fees.${key} must be a non-negative number`);
  }
  const { sizing } = config;
  if (sizing.mode === 'quantity' && !(sizing.quantity > 0))
    throw new EngineConfigError('sizing.quantity must be a positive number of shares');
  if (sizing.mode === 'notional' && !(sizing.notional > 0))
    throw new EngineConfigError('sizing.notional must be a positive dollar amount');
  const execution = config.execution ?? DEFAULT_EXECUTION_CONFIG;
  const pct = execution.maxVolumePct;
  if (pct !== null && !(typeof pct === 'number' && pct > 0 && pct <= 100))
    throw new EngineConfigError('execution.maxVolumePct must be null or in (0, 100]');
  if (!LIMIT_FILL_RULES.includes(execution.limitFillRule))
    throw new EngineConfigError('execution.limitFillRule must be touch or through');
  const risk = config.risk;
  if (risk && !(risk.maxPositionPct > 0 && risk.maxPositionPct <= 100))
    throw new EngineConfigError('risk.maxPositionPct must be in (0, 100]');
  if (risk && !(Number.isInteger(risk.maxOpenPositions) && risk.maxOpenPositions >= 1))
    throw new EngineConfigError('risk.maxOpenPositions must be a positive integer');
  if (risk && !(risk.dailyLossLimitPct > 0 && risk.dailyLossLimitPct <= 100))
    throw new EngineConfigError('risk.dailyLossLimitPct must be in (0, 100]');
}
