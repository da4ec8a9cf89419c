import type { Bar } from '../market/bar';
import { sessionMinutes } from './session-minutes';
import { SymbolSimulator } from './symbol-simulator';
import { symbolProfile, type SymbolProfile } from './symbol-profiles';

export interface SyntheticBarsOptions {
  readonly seed: number;
  /** How many 1-minute bars per symbol (252 sessions × 390 minutes = 98,280 is a trading year). */
  readonly count: number;
  /** First New York session date to fill, `YYYY-MM-DD`. */
  readonly startDate?: string;
  readonly profile?: SymbolProfile;
}

export const DEFAULT_SYNTHETIC_START_DATE = '2025-01-02';

/**
 * Streams `count` regular-session 1-minute bars of one symbol, lazily: a year of bars for 100
 * symbols never has to sit in memory at once. Same seed and symbol, same bars.
 */
export function* syntheticMinuteBars(
  symbol: string,
  options: SyntheticBarsOptions,
): Generator<Bar> {
  for (const [bar] of simulate(
    [new SymbolSimulator(options.profile ?? symbolProfile(symbol), options.seed)],
    options,
  ))
    yield bar;
}

/**
 * Streams the same bars for many symbols minute by minute (one array per minute, in `symbols`
 * order), the shape a multi-symbol engine replay consumes.
 */
export function syntheticMarketMinutes(
  symbols: readonly string[],
  options: Omit<SyntheticBarsOptions, 'profile'>,
): Generator<Bar[]> {
  return simulate(
    symbols.map((symbol) => new SymbolSimulator(symbolProfile(symbol), options.seed)),
    options,
  );
}

function* simulate(
  simulators: readonly SymbolSimulator[],
  options: Omit<SyntheticBarsOptions, 'profile'>,
): Generator<Bar[]> {
  let produced = 0;
  for (const minute of sessionMinutes(options.startDate ?? DEFAULT_SYNTHETIC_START_DATE)) {
    if (produced >= options.count) return;
    // The very first minute has no previous close to gap from.
    const opening = minute.opening && produced > 0;
    produced++;
    yield simulators.map((simulator) => simulator.nextBar(minute.time, minute.fraction, opening));
  }
}
