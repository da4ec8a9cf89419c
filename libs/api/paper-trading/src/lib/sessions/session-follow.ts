import type { RuntimeConfig } from '@ptp/contracts';
import { validateStrategyParams } from '@ptp/domain';
import type { SessionSpec } from './session-spec';

export interface FollowedChange {
  readonly params: Readonly<Record<string, number>>;
  readonly symbols: readonly string[];
  readonly signalIntervalSec: number;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * What a running session takes from a config change: every value it had taken from the config
 * (a param equal to the old config's, the old watchlist, the old interval) follows the new one;
 * values given explicitly at start stay. Null when nothing changes (or the mix would be invalid).
 */
export function followedChange(
  spec: SessionSpec,
  before: RuntimeConfig,
  after: RuntimeConfig,
): FollowedChange | null {
  const oldParams = before.strategies[spec.strategy] ?? {};
  const params: Record<string, number> = { ...spec.params };
  for (const [key, value] of Object.entries(after.strategies[spec.strategy] ?? {})) {
    if (spec.params[key] === oldParams[key]) params[key] = value;
  }
  const symbols = sameList(spec.symbols, before.watchlist) ? after.watchlist : spec.symbols;
  const signalIntervalSec =
    spec.signalIntervalSec === before.signalIntervalSec
      ? after.signalIntervalSec
      : spec.signalIntervalSec;
  const paramsChanged = Object.keys(params).some((key) => params[key] !== spec.params[key]);
  if (
    !paramsChanged &&
    sameList(symbols, spec.symbols) &&
    signalIntervalSec === spec.signalIntervalSec
  )
    return null;
  const valid = validateStrategyParams(spec.strategy, params);
  return valid.ok
    ? { params: valid.params, symbols, signalIntervalSec }
    : { params: spec.params, symbols, signalIntervalSec };
}
