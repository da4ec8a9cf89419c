import { createHash } from 'node:crypto';
import { runBacktest, type BacktestInput, type Bar } from '@ptp/domain';
import { backtestShape } from './backtest-shapes';

/**
 * What a user runs: MA 10/30 crossover, 0.1 % commission, 5 bps slippage, no risk rules (like the
 * CLI's `--no-risk`), $10,000 per entry. Everything `runBacktest` does is timed: selecting and sorting
 * the bars, the engine, round trips, metrics, performance and the formatted report.
 */
function backtestInput(bars: readonly Bar[]): BacktestInput {
  return {
    bars,
    strategy: 'ma-crossover',
    params: { fast: 10, slow: 30 },
    capital: 100_000,
    sizing: { mode: 'notional', notional: 10_000 },
    fees: { percent: 0.1 },
    slippageBps: 5,
    risk: null,
  };
}

/** Runs before the timed ones, so that the timed runs are not the JIT compiler's warm-up. */
const WARM_UP_SECONDS = 2;
/**
 * Timed runs per shape: as many as fit in a few seconds, at least nine (a daily backtest takes
 * milliseconds). The median is the figure; the spread shows the shared machine's noise.
 */
const TIMED_SECONDS = 3;
const MIN_TIMED_RUNS = 9;

export interface FullBacktestResult {
  readonly shape: string;
  readonly description: string;
  readonly bars: number;
  readonly fills: number;
  readonly curvePoints: number;
  readonly runs: number;
  /** Median seconds per backtest, and bars per second of the median, slowest and fastest run. */
  readonly seconds: number;
  readonly barsPerSecond: number;
  readonly barsPerSecondRange: readonly [slowest: number, fastest: number];
  /**
   * Bars per second of the process's CPU time (median run): steadier than the wall clock on a loaded
   * machine, where the run waits for a core; it includes V8's GC and compiler threads.
   */
  readonly barsPerCpuSecond: number;
  /** SHA-256 of report.json, the same for every run (and before and after an optimisation). */
  readonly reportHash: string;
}

interface TimedRun {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly hash: string;
  readonly report: string;
}

function timedRun(input: BacktestInput): TimedRun {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const report = runBacktest(input);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const { user, system } = process.cpuUsage(cpu);
  const json = JSON.stringify(report);
  return {
    seconds,
    cpuSeconds: (user + system) / 1e6,
    hash: createHash('sha256').update(json).digest('hex'),
    report: json,
  };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function fullBacktest(shapeName: string): FullBacktestResult {
  const shape = backtestShape(shapeName);
  const input = backtestInput(shape.bars);
  const warmUpEnd = Date.now() + WARM_UP_SECONDS * 1000;
  while (Date.now() < warmUpEnd) runBacktest(input);
  const runs: TimedRun[] = [];
  const timedEnd = Date.now() + TIMED_SECONDS * 1000;
  while (runs.length < MIN_TIMED_RUNS || Date.now() < timedEnd) runs.push(timedRun(input));
  if (runs.some((r) => r.hash !== runs[0].hash)) throw new Error('the same backtest differed');
  const report = JSON.parse(runs[0].report) as { fills: unknown[]; equityCurve: unknown[] };
  const seconds = runs.map((r) => r.seconds).sort((a, b) => a - b);
  const bars = shape.bars.length;
  const medianSeconds = median(seconds);
  return {
    shape: shape.name,
    description: shape.description,
    bars,
    fills: report.fills.length,
    curvePoints: report.equityCurve.length,
    runs: runs.length,
    seconds: medianSeconds,
    barsPerSecond: bars / medianSeconds,
    barsPerSecondRange: [bars / seconds[seconds.length - 1], bars / seconds[0]],
    barsPerCpuSecond: bars / median(runs.map((r) => r.cpuSeconds)),
    reportHash: runs[0].hash,
  };
}
