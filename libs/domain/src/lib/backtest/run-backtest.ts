import { NO_CORPORATE_ACTIONS } from '../corporate-actions/corporate-action-types';
import { NO_FEES } from '../execution/fees';
import type { Bar } from '../market/bar';
import { DEFAULT_RISK_CONFIG } from '../risk/risk-config';
import type { Fill } from '../ledger/fill';
import type { RoundTrip } from '../metrics/metrics-types';
import { DEFAULT_EXECUTION_CONFIG, type EngineConfig } from '../engine/engine-config';
import { isDailyBarTime, tradingDateLookup } from '../engine/session-clock';
import { TradingEngine } from '../engine/trading-engine';
import type { BacktestInput, BacktestReport } from './backtest-types';
import { buildReport } from './backtest-report';

const PROGRESS_STEPS = 100;
/**
 * Bars between takes of the engine's output. A take costs about a microsecond (fresh output arrays,
 * the orders that changed): a take per 1 % of the bars, as progress is reported, was 4–6 % of a
 * daily run.
 */
const TAKE_EVERY_BARS = 1024;

/** The engine config of a backtest: one instance of the strategy per symbol. */
export function backtestEngineConfig(
  input: BacktestInput,
  symbols: readonly string[],
): EngineConfig {
  return {
    startingCash: input.capital,
    strategies: Object.fromEntries(
      symbols.map((symbol) => [symbol, { name: input.strategy, params: input.params }]),
    ),
    risk: input.risk === null ? null : { ...DEFAULT_RISK_CONFIG, ...input.risk },
    fees: { ...NO_FEES, ...input.fees },
    slippageBps: input.slippageBps,
    sizing: input.sizing,
    ...(input.execution ? { execution: { ...DEFAULT_EXECUTION_CONFIG, ...input.execution } } : {}),
  };
}

/** Time, then symbol: the order the engine sees bars in. */
const barOrder = (a: Bar, b: Bar): number =>
  a.time - b.time || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0);

function isInOrder(bars: readonly Bar[]): boolean {
  for (let i = 1; i < bars.length; i++) if (barOrder(bars[i - 1], bars[i]) > 0) return false;
  return true;
}

function filterBars(input: BacktestInput): readonly Bar[] {
  const wanted = input.symbols ? new Set(input.symbols) : null;
  const dated = input.from !== undefined || input.to !== undefined;
  // Most runs take every bar given: they are read where they are, not copied.
  if (wanted === null && !dated) return input.bars;
  const dateOf = tradingDateLookup();
  return input.bars.filter((bar) => {
    if (wanted && !wanted.has(bar.symbol)) return false;
    if (!dated) return true;
    const date = dateOf(bar.time);
    return (
      (input.from === undefined || date >= input.from) &&
      (input.to === undefined || date <= input.to)
    );
  });
}

/** One array of the chunks' items in order (concat copies packed arrays whole; flat() does not). */
const joined = <T>(chunks: T[][]): T[] => ([] as T[]).concat(...chunks);

function symbolsOf(bars: readonly Bar[]): Set<string> {
  const symbols = new Set<string>();
  // Indexed, and a run of one symbol's bars is one lookup: a minute run has a bar per minute.
  let last: string | undefined;
  for (let i = 0; i < bars.length; i++) {
    const symbol = bars[i].symbol;
    if (symbol !== last) symbols.add((last = symbol));
  }
  return symbols;
}

function selectBars(input: BacktestInput): { bars: readonly Bar[]; symbols: string[] } {
  const filtered = filterBars(input);
  // Files come in time order: checking that is one pass, sorting them again would be n log n.
  const bars = isInOrder(filtered) ? filtered : [...filtered].sort(barOrder);
  const symbols = input.symbols ? [...input.symbols] : [...symbolsOf(bars)].sort();
  return { bars, symbols };
}

/**
 * Runs the engine over historical bars and reports fills, round trips, the final portfolio, metrics
 * and the equity curve. Same input, same report. `onProgress` gets fractions in [0, 1].
 */
export function runBacktest(
  input: BacktestInput,
  onProgress?: (fraction: number) => void,
): BacktestReport {
  const { bars, symbols } = selectBars(input);
  const engine = new TradingEngine(backtestEngineConfig(input, symbols));
  const actions = input.corporateActions ?? NO_CORPORATE_ACTIONS;
  engine.scheduleCorporateActions(actions);
  // The outputs' arrays are kept as they come and joined once: spreading each into a growing list
  // copied a minute run's curve point by point into an array already in the old generation.
  const fills: Fill[][] = [];
  const trips: RoundTrip[][] = [];
  // The equity is copied out of each output at once, into columns sized for a point per bar (the
  // most the engine records): kept until the report, a minute run's chunks were copied by the
  // collector on their way to the old generation (a third or more of what it promoted).
  const curve = { times: new Float64Array(bars.length), values: new Float64Array(bars.length) };
  let points = 0;
  const collect = () => {
    const output = engine.takeOutput();
    fills.push(output.fills);
    trips.push(output.roundTrips);
    curve.times.set(output.equity.times, points);
    curve.values.set(output.equity.values, points);
    points += output.equity.times.length;
  };
  // The first symbol is bought and held as the benchmark. Its closes are read as the engine has just
  // read each bar: a second walk over a minute run's bars missed the cache on nearly every one.
  const benchmarkSymbol = bars.length > 0 ? bars[0].symbol : '';
  const closes = { times: new Float64Array(bars.length), values: new Float64Array(bars.length) };
  let held = 0;
  // While every bar is a daily bar, each is a trading day of its own whose date the engine has just
  // written: the report reads those dates rather than writing each again.
  const closeDates: string[] = [];
  let daily = true;
  const every = Math.max(1, Math.ceil(bars.length / PROGRESS_STEPS));
  let sinceTake = 0;
  for (let i = 0; i < bars.length; i++) {
    const bar = bars[i];
    engine.onBar(bar);
    if (daily && !isDailyBarTime(bar.time)) daily = false;
    if (bar.symbol === benchmarkSymbol) {
      closes.times[held] = bar.time;
      closes.values[held++] = bar.close;
      if (daily) closeDates.push(engine.tradingDate as string);
    }
    // Only between bar times: a take records the equity of the bar time, which must have seen the
    // bar of every symbol at that time.
    if (
      ++sinceTake >= TAKE_EVERY_BARS &&
      (i + 1 === bars.length || bars[i + 1].time !== bar.time)
    ) {
      collect();
      sinceTake = 0;
    }
    if ((i + 1) % every === 0) onProgress?.((i + 1) / bars.length);
  }
  collect();
  onProgress?.(1);
  const equity = {
    times: curve.times.subarray(0, points),
    values: curve.values.subarray(0, points),
  };
  const run = { fills: joined(fills), trips: joined(trips), curve: equity, actions };
  const benchmark = {
    symbol: benchmarkSymbol,
    closes: { times: closes.times.subarray(0, held), values: closes.values.subarray(0, held) },
    dates: daily ? closeDates : null,
  };
  return buildReport(engine, benchmark, run, input.riskFreeRate ?? 0);
}
