import type {
  Strategy,
  StrategyDefinition,
  StrategyName,
  StrategyParamOrdering,
  StrategyParamSchema,
} from './strategy';
import { resolveStrategyParams, StrategyParamsError } from './strategy-params';

export interface StrategySpec<K extends string> {
  readonly name: StrategyName;
  readonly title: string;
  readonly description: string;
  readonly params: readonly (StrategyParamSchema & { readonly key: K })[];
  readonly orderings?: readonly StrategyParamOrdering[];
  readonly build: (params: Readonly<Record<K, number>>) => Strategy;
}

/** Turns a spec into a definition whose `create` validates and defaults params before building. */
export function defineStrategy<K extends string>(spec: StrategySpec<K>): StrategyDefinition {
  const orderings = spec.orderings ?? [];
  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    params: spec.params,
    orderings,
    create(params) {
      const resolved = resolveStrategyParams(spec.params, orderings, params);
      if (!resolved.ok) {
        throw new StrategyParamsError(resolved.errors);
      }
      return spec.build(resolved.params as Readonly<Record<K, number>>);
    },
  };
}

export function integerParam<K extends string>(
  key: K,
  label: string,
  description: string,
  value: number,
  min: number,
  max: number,
) {
  return { key, label, description, type: 'integer' as const, default: value, min, max };
}

export function numberParam<K extends string>(
  key: K,
  label: string,
  description: string,
  value: number,
  min: number,
  max: number,
) {
  return { key, label, description, type: 'number' as const, default: value, min, max };
}
