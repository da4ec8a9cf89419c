import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import {
  DEFAULT_RISK_CONFIG,
  DEFAULT_SIMULATED_WATCHLIST,
  syntheticMarketMinutes,
  TradingEngine,
  type Bar,
  type EngineConfig,
} from '@ptp/domain';

/** 252 sessions × 390 minutes: one trading year of 1-minute bars per symbol. */
export const BARS_PER_SYMBOL = 98_280;
const CHUNK_MINUTES = 1_000;
const SEED = 42;
/** Bars replayed through a throw-away engine first, so that the measured run is not the JIT's warm-up. */
const WARM_UP_BARS = 1_000_000;
/**
 * Timed years per run: a 1- or 10-symbol year takes 0.05 to 1 s, short enough for a scheduler hiccup to move
 * it by a third, so those report the median of five; a 100-symbol year takes seconds and runs once.
 */
const repeatsFor = (symbols: number) => (symbols <= 10 ? 5 : 1);

export interface ReplayResult {
  readonly profile: BenchProfile;
  readonly symbols: number;
  readonly strategy: string;
  readonly bars: number;
  /** How many times the year was timed, each on a fresh engine. */
  readonly repeats: number;
  /** Median seconds spent inside the engine per year (bar generation excluded). */
  readonly engineSeconds: number;
  /** Bars per second of the median year, and of the slowest and fastest years. */
  readonly barsPerSecond: number;
  readonly barsPerSecondRange: readonly [slowest: number, fastest: number];
  readonly fills: number;
  readonly decisions: number;
  /** Peak resident set size of the process, MiB. */
  readonly peakRssMiB: number;
  /** Heap in use after a full GC at 25, 50, 75 and 100 % of the year, MiB. */
  readonly heapMiB: readonly number[];
}

export function benchSymbols(count: number): string[] {
  const extra = Array.from(
    { length: Math.max(0, count - DEFAULT_SIMULATED_WATCHLIST.length) },
    (_, i) => `SYN${String(i + 1).padStart(3, '0')}`,
  );
  return [...DEFAULT_SIMULATED_WATCHLIST, ...extra].slice(0, count);
}

/**
 * `defaults`: the shipped configuration (config/platform.json): default risk limits, no fees, 5 bps slippage.
 * `full`: the same plus 0.05 % commission, regulatory sell fees, and a 2 % stop-loss / 4 % take-profit on every
 * entry (OCO children evaluated on every bar).
 */
export type BenchProfile = 'defaults' | 'full';

export function benchConfig(
  symbols: readonly string[],
  strategy: string,
  profile: BenchProfile,
): EngineConfig {
  const full = profile === 'full';
  return {
    startingCash: 1_000_000,
    strategies: Object.fromEntries(symbols.map((symbol) => [symbol, { name: strategy }])),
    risk: full
      ? { ...DEFAULT_RISK_CONFIG, defaultStopLossPct: 2, defaultTakeProfitPct: 4 }
      : DEFAULT_RISK_CONFIG,
    fees: { percent: full ? 0.05 : 0, perShare: 0, perShareMinimum: 0, flat: 0, regulatory: full },
    slippageBps: 5,
    sizing: { mode: 'auto' },
  };
}

function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const MiB = 1024 * 1024;

function warmUp(symbols: readonly string[], strategy: string, profile: BenchProfile): void {
  const engine = new TradingEngine(benchConfig(symbols, strategy, profile));
  const count = Math.ceil(WARM_UP_BARS / symbols.length);
  for (const minute of syntheticMarketMinutes(symbols, { seed: SEED + 1, count })) {
    for (const bar of minute) engine.onBar(bar);
    engine.takeOutput();
  }
}

/** The year's minutes in chunks of CHUNK_MINUTES, each handed to `run` with the minute count reached. */
function forEachChunk(
  symbols: readonly string[],
  run: (chunk: readonly Bar[], minute: number) => void,
): void {
  const minutes = syntheticMarketMinutes(symbols, { seed: SEED, count: BARS_PER_SYMBOL });
  const chunk: Bar[] = [];
  let minute = 0;
  while (minute < BARS_PER_SYMBOL) {
    chunk.length = 0;
    const end = Math.min(BARS_PER_SYMBOL, minute + CHUNK_MINUTES);
    for (; minute < end; minute++) for (const bar of minutes.next().value as Bar[]) chunk.push(bar);
    run(chunk, minute);
  }
}

/**
 * Heap in use after a full GC at 25/50/75/100 % of the year, on a second engine replaying the same year.
 * A forced full GC also discards the JIT's optimised code of everything it frees, so it never runs during the
 * timed replay: there it would make the engine re-warm inside the measurement.
 */
function heapProfile(
  symbols: readonly string[],
  strategy: string,
  profile: BenchProfile,
  gc: () => void,
): number[] {
  const engine = new TradingEngine(benchConfig(symbols, strategy, profile));
  const checkpoints = [0.25, 0.5, 0.75, 1].map((f) => Math.round(f * BARS_PER_SYMBOL));
  const heapMiB: number[] = [];
  forEachChunk(symbols, (chunk, minute) => {
    for (let i = 0; i < chunk.length; i++) engine.onBar(chunk[i]);
    engine.takeOutput();
    if (checkpoints.some((c) => c > minute - CHUNK_MINUTES && c <= minute)) {
      gc();
      heapMiB.push(process.memoryUsage().heapUsed / MiB);
    }
  });
  return heapMiB;
}

interface TimedYear {
  readonly bars: number;
  readonly fills: number;
  readonly decisions: number;
  readonly engineSeconds: number;
}

/** Replays a year of seeded synthetic minutes through a fresh engine, timing only the engine's work. */
function timedYear(symbols: readonly string[], strategy: string, profile: BenchProfile): TimedYear {
  const engine = new TradingEngine(benchConfig(symbols, strategy, profile));
  let bars = 0;
  let fills = 0;
  let decisions = 0;
  let engineNs = 0n;
  forEachChunk(symbols, (chunk) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < chunk.length; i++) engine.onBar(chunk[i]);
    const output = engine.takeOutput();
    engineNs += process.hrtime.bigint() - start;
    bars += chunk.length;
    fills += output.fills.length;
    decisions += output.decisions.length;
  });
  return { bars, fills, decisions, engineSeconds: Number(engineNs) / 1e9 };
}

/** The median of `repeatsFor(symbols)` timed years after a warm-up, then the heap profile of one more. */
export function replay(symbolCount: number, strategy: string, profile: BenchProfile): ReplayResult {
  const gc = collectGarbage();
  const symbols = benchSymbols(symbolCount);
  warmUp(symbols, strategy, profile);
  const years = Array.from({ length: repeatsFor(symbolCount) }, () =>
    timedYear(symbols, strategy, profile),
  );
  const [first] = years;
  if (years.some((y) => y.fills !== first.fills || y.decisions !== first.decisions))
    throw new Error('the same year replayed differently');
  const seconds = years.map((y) => y.engineSeconds).sort((a, b) => a - b);
  const engineSeconds = seconds[Math.floor(seconds.length / 2)];
  const heapMiB = heapProfile(symbols, strategy, profile, gc);
  return {
    profile,
    symbols: symbolCount,
    strategy,
    bars: first.bars,
    repeats: years.length,
    engineSeconds,
    barsPerSecond: first.bars / engineSeconds,
    barsPerSecondRange: [first.bars / seconds[seconds.length - 1], first.bars / seconds[0]],
    fills: first.fills,
    decisions: first.decisions,
    peakRssMiB: (process.resourceUsage().maxRSS * 1024) / MiB,
    heapMiB,
  };
}
