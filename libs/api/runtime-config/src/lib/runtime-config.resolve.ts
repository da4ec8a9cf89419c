import type { AppConfig } from '@ptp/api/config';
import { ApiError } from '@ptp/api/shared';
import { CONFIG_ERROR_CODES, type RuntimeConfig, type RuntimeConfigPatch } from '@ptp/contracts';
import { STRATEGY_DEFINITIONS, validateStrategyParams } from '@ptp/domain';

type StrategyParamOverrides = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * An account's persisted changes: the accumulated PATCHes, never the full config, so that a key the
 * account has not changed keeps following config/platform.json.
 */
export type ConfigOverrides = RuntimeConfigPatch;

/** Folds a validated patch into the stored overrides; nested objects merge key by key. */
export function mergeOverrides(
  current: ConfigOverrides,
  patch: RuntimeConfigPatch,
): ConfigOverrides {
  for (const [name, params] of Object.entries(patch.strategies ?? {})) {
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      throw ApiError.badRequest(
        CONFIG_ERROR_CODES.invalidStrategyParams,
        `strategies.${name} must be an object of numbers.`,
        { strategy: name },
      );
    }
  }
  const strategies: Record<string, Record<string, number>> = { ...current.strategies };
  for (const [name, params] of Object.entries(patch.strategies ?? {}))
    strategies[name] = { ...strategies[name], ...params };
  return withoutUndefined({
    ...current,
    ...withoutUndefined(patch),
    risk: patch.risk ? { ...current.risk, ...withoutUndefined(patch.risk) } : current.risk,
    fees: patch.fees ? { ...current.fees, ...withoutUndefined(patch.fees) } : current.fees,
    execution: patch.execution
      ? { ...current.execution, ...withoutUndefined(patch.execution) }
      : current.execution,
    strategies: patch.strategies ? strategies : current.strategies,
  });
}

/** Transformed DTOs carry every declared field, absent ones as undefined; those must not overwrite. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function resolveStrategies(
  fileParams: StrategyParamOverrides,
  accountParams: StrategyParamOverrides,
): Record<string, Record<string, number>> {
  const unknown = Object.keys(accountParams).filter(
    (name) => !STRATEGY_DEFINITIONS.some((d) => d.name === name),
  );
  if (unknown.length > 0) {
    throw ApiError.badRequest(
      CONFIG_ERROR_CODES.unknownStrategy,
      `Unknown strategy: ${unknown.join(', ')}.`,
      {
        known: STRATEGY_DEFINITIONS.map((d) => d.name),
      },
    );
  }
  const resolved: Record<string, Record<string, number>> = {};
  for (const { name } of STRATEGY_DEFINITIONS) {
    const result = validateStrategyParams(name, { ...fileParams[name], ...accountParams[name] });
    if (!result.ok) {
      throw ApiError.badRequest(
        CONFIG_ERROR_CODES.invalidStrategyParams,
        `Invalid ${name} parameters: ${result.errors.map((e) => e.message).join('; ')}`,
        {
          strategy: name,
          errors: result.errors,
        },
      );
    }
    resolved[name] = { ...result.params };
  }
  return resolved;
}

/** The effective config: file defaults with the account's overrides on top, strategy params checked by the core. */
export function resolveRuntimeConfig(
  accountId: string,
  file: AppConfig,
  overrides: ConfigOverrides,
  updatedAt: number | null,
): RuntimeConfig {
  return {
    accountId,
    risk: { ...file.risk, ...overrides.risk },
    strategy: overrides.strategy ?? file.trading.defaultStrategy,
    strategies: resolveStrategies(file.strategies, overrides.strategies ?? {}),
    watchlist: [...(overrides.watchlist ?? file.trading.watchlist)],
    signalIntervalSec: overrides.signalIntervalSec ?? file.trading.signalIntervalSec,
    fees: { ...file.trading.fees, ...overrides.fees },
    slippageBps: overrides.slippageBps ?? file.trading.slippageBps,
    execution: { ...file.execution, ...overrides.execution },
    updatedAt: updatedAt === null ? null : new Date(updatedAt).toISOString(),
  };
}
