/** One numeric strategy parameter: enough for the UI to build and check a form field. */
export interface StrategyParamField {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  readonly type: 'integer' | 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

/** A cross-parameter rule: `lesser` must be strictly below `greater` (e.g. fast < slow). */
export interface StrategyParamOrderingRule {
  readonly lesser: string;
  readonly greater: string;
}

/** GET /api/strategies — one item per strategy of the trading core's registry. */
export interface StrategyInfo {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly params: readonly StrategyParamField[];
  readonly orderings: readonly StrategyParamOrderingRule[];
  /** key → default value, the same values as `params[].default`. */
  readonly defaults: Readonly<Record<string, number>>;
}
