import type {
  IndicatorPoint,
  StrategyDefinition,
  StrategyName,
  StrategyParamOrdering,
  StrategyParamSchema,
  StrategyParams,
} from '@ptp/domain';
import type { MarketTimespan } from './market';

/** One numeric strategy parameter: enough for the UI to build and check a form field. */
export type StrategyParamField = StrategyParamSchema;

/** A cross-parameter rule: `lesser` must be strictly below `greater` (e.g. fast < slow). */
export type StrategyParamOrderingRule = StrategyParamOrdering;

/** GET /api/strategies — one item per strategy of the trading core's registry, without its factory. */
export interface StrategyInfo extends Omit<StrategyDefinition, 'create'> {
  /** key → default value, the same values as `params[].default`. */
  readonly defaults: StrategyParams;
}

/** Bars of the asked range one indicators answer may cover (warm-up bars not counted). */
export const STRATEGY_INDICATORS_MAX_BARS = 5000;

/** Error codes of GET /api/strategies/:name/indicators besides VALIDATION_FAILED and the market's. */
export const STRATEGY_INDICATORS_ERROR_CODES = {
  unknownStrategy: 'UNKNOWN_STRATEGY',
  invalidParams: 'INVALID_STRATEGY_PARAMS',
  invalidRange: 'INVALID_RANGE',
  rangeTooLarge: 'RANGE_TOO_LARGE',
} as const;

/**
 * GET /api/strategies/:name/indicators — the strategy's own indicator values (its `onBar` audit
 * values) on every bar of [from, to], after warming up on up to `warmUpBars` earlier bars.
 */
export interface StrategyIndicatorsResponse {
  readonly strategy: StrategyName;
  readonly symbol: string;
  readonly timespan: MarketTimespan;
  readonly from: number;
  readonly to: number;
  /** The parameters used: those asked for over the strategy's defaults. */
  readonly params: StrategyParams;
  /** Bars before `from` that were fed to the strategy but are not returned. */
  readonly warmUpBars: number;
  readonly points: readonly IndicatorPoint[];
}
