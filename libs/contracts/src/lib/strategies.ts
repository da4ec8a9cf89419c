import type {
  StrategyDefinition,
  StrategyParamOrdering,
  StrategyParamSchema,
  StrategyParams,
} from '@ptp/domain';

/** One numeric strategy parameter: enough for the UI to build and check a form field. */
export type StrategyParamField = StrategyParamSchema;

/** A cross-parameter rule: `lesser` must be strictly below `greater` (e.g. fast < slow). */
export type StrategyParamOrderingRule = StrategyParamOrdering;

/** GET /api/strategies — one item per strategy of the trading core's registry, without its factory. */
export interface StrategyInfo extends Omit<StrategyDefinition, 'create'> {
  /** key → default value, the same values as `params[].default`. */
  readonly defaults: StrategyParams;
}
