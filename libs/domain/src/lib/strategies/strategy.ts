import type { Bar } from '../market/bar';

export type StrategyName = 'ma-crossover' | 'rsi-mean-reversion' | 'momentum-breakout' | 'mixed';

/**
 * What a strategy advises after evaluating one completed bar. The engine decides whether it becomes
 * an order.
 */
export type SignalAction = 'enter' | 'exit' | 'hold';

export interface StrategySignal {
  readonly action: SignalAction;
  /** Human-readable why, kept in the audit trail. */
  readonly reason: string;
  /** Indicator values seen on this bar (null while an indicator is warming up). */
  readonly indicators: Readonly<Record<string, number | null>>;
}

/**
 * Context the engine gives a strategy for one symbol: strategies are long-only and need to know if
 * they hold.
 */
export interface StrategyContext {
  readonly holding: boolean;
}

/**
 * A per-symbol, streaming, long-only strategy. It is fed every completed bar in time order and
 * emits 'hold' until every indicator it uses is ready.
 */
export interface Strategy {
  readonly name: StrategyName;
  /** evaluate() then describe(). */
  onBar(bar: Bar, context: StrategyContext): StrategySignal;
  /**
   * Feeds the bar and returns only the action, allocating nothing: the engine runs this on every
   * bar and asks describe() for the reason and indicators only when the action is not 'hold'.
   */
  evaluate(bar: Bar, context: StrategyContext): SignalAction;
  /** The full signal of the last evaluate() (a warming-up hold before the first). */
  describe(): StrategySignal;
  isReady(): boolean;
  /**
   * The symbol split `ratio` (= split_to / split_from) for one: the indicator history is moved to
   * the new basis (prices ÷ ratio, volumes × ratio), so no false jump and no false signal follows.
   */
  adjustForSplit(ratio: number): void;
}

export type StrategyParamValue = number;
export type StrategyParams = Readonly<Record<string, StrategyParamValue>>;

/**
 * Describes one numeric parameter so that the API and the UI can build forms and validate input.
 */
export interface StrategyParamSchema {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  readonly type: 'integer' | 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

/**
 * A cross-parameter rule: the value of `lesser` must be strictly below the value of `greater` (e.g.
 * fast < slow).
 */
export interface StrategyParamOrdering {
  readonly lesser: string;
  readonly greater: string;
}

export interface StrategyDefinition {
  readonly name: StrategyName;
  readonly title: string;
  readonly description: string;
  readonly params: readonly StrategyParamSchema[];
  readonly orderings: readonly StrategyParamOrdering[];
  /**
   * Builds a fresh strategy (one per symbol); throws StrategyParamsError when the params are
   * invalid.
   */
  create(params?: Partial<StrategyParams>): Strategy;
}
