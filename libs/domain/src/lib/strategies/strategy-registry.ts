import { MA_CROSSOVER } from './ma-crossover.strategy';
import { MIXED } from './mixed.strategy';
import { MOMENTUM_BREAKOUT } from './momentum-breakout.strategy';
import { RSI_MEAN_REVERSION } from './rsi-mean-reversion.strategy';
import type { Strategy, StrategyDefinition, StrategyName, StrategyParams } from './strategy';
import {
  resolveStrategyParams,
  StrategyParamsError,
  StrategyParamsValidation,
} from './strategy-params';

export const STRATEGY_DEFINITIONS: readonly StrategyDefinition[] = [
  MA_CROSSOVER,
  RSI_MEAN_REVERSION,
  MOMENTUM_BREAKOUT,
  MIXED,
];

export const STRATEGY_NAMES: readonly StrategyName[] = STRATEGY_DEFINITIONS.map((d) => d.name);

export function isStrategyName(name: unknown): name is StrategyName {
  return typeof name === 'string' && (STRATEGY_NAMES as readonly string[]).includes(name);
}

export function getStrategyDefinition(name: string): StrategyDefinition | undefined {
  return STRATEGY_DEFINITIONS.find((d) => d.name === name);
}

/**
 * Validates a (strategy name, params) pair from untrusted input and returns the params with
 * defaults filled in.
 */
export function validateStrategyParams(name: string, params?: unknown): StrategyParamsValidation {
  const definition = getStrategyDefinition(name);
  if (!definition) {
    return {
      ok: false,
      errors: [
        {
          code: 'UNKNOWN_STRATEGY',
          message: `unknown strategy "${name}"; known: ${STRATEGY_NAMES.join(', ')}`,
        },
      ],
    };
  }
  return resolveStrategyParams(definition.params, definition.orderings, params);
}

/**
 * Builds a fresh strategy instance (use one per symbol); throws StrategyParamsError on invalid
 * input.
 */
export function createStrategy(name: string, params?: Partial<StrategyParams>): Strategy {
  const definition = getStrategyDefinition(name);
  if (!definition) {
    const result = validateStrategyParams(name, params);
    throw new StrategyParamsError(result.ok ? [] : result.errors);
  }
  return definition.create(params);
}
