import type { StrategyParamOrdering, StrategyParamSchema, StrategyParams } from './strategy';

export type StrategyParamErrorCode =
  | 'UNKNOWN_STRATEGY'
  | 'PARAMS_NOT_AN_OBJECT'
  | 'UNKNOWN_PARAM'
  | 'PARAM_NOT_A_NUMBER'
  | 'PARAM_NOT_AN_INTEGER'
  | 'PARAM_OUT_OF_RANGE'
  | 'PARAMS_OUT_OF_ORDER';

/** One machine-readable validation failure; `param` names the offending key where there is one. */
export interface StrategyParamError {
  readonly code: StrategyParamErrorCode;
  readonly message: string;
  readonly param?: string;
  readonly min?: number;
  readonly max?: number;
  readonly greater?: string;
}

export type StrategyParamsValidation =
  | { readonly ok: true; readonly params: StrategyParams }
  | { readonly ok: false; readonly errors: readonly StrategyParamError[] };

export class StrategyParamsError extends Error {
  constructor(readonly errors: readonly StrategyParamError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'StrategyParamsError';
  }
}

/**
 * Checks user-supplied params against a schema and fills in defaults. Every problem is reported,
 * not just the first, so an API can return them all at once. Orderings are checked on the merged
 * values.
 */
export function resolveStrategyParams(
  schema: readonly StrategyParamSchema[],
  orderings: readonly StrategyParamOrdering[],
  input: unknown,
): StrategyParamsValidation {
  if (input === undefined || input === null) {
    input = {};
  }
  if (typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      errors: [{ code: 'PARAMS_NOT_AN_OBJECT', message: 'params must be an object of numbers' }],
    };
  }
  const supplied = input as Record<string, unknown>;
  const byKey = new Map(schema.map((s) => [s.key, s]));
  const errors: StrategyParamError[] = [];
  for (const key of Object.keys(supplied)) {
    if (!byKey.has(key)) {
      errors.push({
        code: 'UNKNOWN_PARAM',
        param: key,
        message: `unknown param "${key}"; known: ${[...byKey.keys()].join(', ')}`,
      });
    }
  }
  const params: Record<string, number> = {};
  for (const s of schema) {
    const raw = Object.hasOwn(supplied, s.key) ? supplied[s.key] : s.default;
    const error = checkValue(s, raw);
    if (error) {
      errors.push(error);
    } else {
      params[s.key] = raw as number;
    }
  }
  if (errors.length === 0) {
    errors.push(...checkOrderings(orderings, params));
  }
  return errors.length === 0 ? { ok: true, params } : { ok: false, errors };
}

function checkValue(schema: StrategyParamSchema, raw: unknown): StrategyParamError | undefined {
  const param = schema.key;
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    return { code: 'PARAM_NOT_A_NUMBER', param, message: `${param} must be a finite number` };
  }
  if (schema.type === 'integer' && !Number.isInteger(raw)) {
    return {
      code: 'PARAM_NOT_AN_INTEGER',
      param,
      message: `${param} must be an integer, got ${raw}`,
    };
  }
  if (raw < schema.min || raw > schema.max) {
    return {
      code: 'PARAM_OUT_OF_RANGE',
      param,
      min: schema.min,
      max: schema.max,
      message: `${param} must be between ${schema.min} and ${schema.max}, got ${raw}`,
    };
  }
  return undefined;
}

function checkOrderings(
  orderings: readonly StrategyParamOrdering[],
  params: Record<string, number>,
): StrategyParamError[] {
  return orderings
    .filter(({ lesser, greater }) => !(params[lesser] < params[greater]))
    .map(({ lesser, greater }) => ({
      code: 'PARAMS_OUT_OF_ORDER' as const,
      param: lesser,
      greater,
      message: `${lesser} (${params[lesser]}) must be less than ${greater} (${params[greater]})`,
    }));
}
