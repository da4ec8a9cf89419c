import type { SignalAction, StrategySignal } from './strategy';

export type IndicatorSnapshot = Readonly<Record<string, number | null>>;

export function signal(
  action: SignalAction,
  reason: string,
  indicators: IndicatorSnapshot,
): StrategySignal {
  return { action, reason, indicators };
}

export function warmingUp(indicators: IndicatorSnapshot): StrategySignal {
  return signal('hold', 'warming up: not every indicator is ready', indicators);
}

/**
 * True once every value in the snapshot is non-null; narrows nothing, so callers re-read the
 * values.
 */
export function allReady(indicators: IndicatorSnapshot): boolean {
  return Object.values(indicators).every((v) => v !== null);
}
