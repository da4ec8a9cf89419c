import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { SingleBar } from 'cli-progress';
import {
  DataFormatError,
  parseCorporateActions,
  runBacktest,
  validateStrategyParams,
  type BacktestReport,
} from '@ptp/domain';
import { CliUsageError, parseBacktestArgs, USAGE, type BacktestCliOptions } from './backtest-args';
import { loadBars } from './load-bars';

export interface CliIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** Show a progress bar (on a TTY). */
  readonly progress: boolean;
}

/** Exit codes: 0 done, 1 the data or the run failed, 2 a bad command line. */
export type ExitCode = 0 | 1 | 2;

function progressReporter(io: CliIo): { update: (fraction: number) => void; stop: () => void } {
  if (!io.progress) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    format: 'backtest [{bar}] {percentage}% | ETA {eta}s',
    hideCursor: true,
    stream: process.stderr,
  });
  bar.start(100, 0);
  return { update: (fraction) => bar.update(Math.round(fraction * 100)), stop: () => bar.stop() };
}

export function backtestFromOptions(
  options: BacktestCliOptions,
  onProgress?: (fraction: number) => void,
): BacktestReport {
  if (options.adjusted && extname(options.data).toLowerCase() === '.json')
    throw new CliUsageError(
      '--adjusted applies to a Yahoo CSV only (Polygon aggregates carry no Adj Close)',
    );
  const params = validateStrategyParams(options.strategy, options.params);
  if (!params.ok) throw new CliUsageError(params.errors.map((e) => e.message).join('; '));
  const bars = loadBars(options.data, { symbol: options.symbol, adjusted: options.adjusted });
  if (bars.length === 0) throw new DataFormatError('BAD_RESULT', `${options.data} holds no bars`);
  const file = options.corporateActions;
  const corporateActions = file ? parseCorporateActions(readFileSync(file, 'utf8')) : undefined;
  return runBacktest(
    {
      bars,
      symbols: [options.symbol],
      strategy: options.strategy,
      params: params.params,
      from: options.from,
      to: options.to,
      capital: options.capital,
      sizing: options.sizing,
      fees: { percent: options.commissionPct },
      slippageBps: options.slippageBps,
      risk: options.noRisk ? null : {},
      corporateActions,
      execution: { maxVolumePct: options.maxVolumePct, limitFillRule: options.limitFillRule },
    },
    onProgress,
  );
}

/** The whole CLI: parse, load, run, write report.json, print a summary. Never throws. */
export function runCli(argv: readonly string[], io: CliIo): ExitCode {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  let options: BacktestCliOptions;
  try {
    options = parseBacktestArgs(argv);
  } catch (error) {
    io.stderr(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const progress = progressReporter(io);
  try {
    const report = backtestFromOptions(options, progress.update);
    progress.stop();
    writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
    io.stdout(summary(options, report));
    return 0;
  } catch (error) {
    progress.stop();
    if (error instanceof CliUsageError) {
      io.stderr(`error: ${error.message}`);
      return 2;
    }
    const code = error instanceof DataFormatError ? ` [${error.code}]` : '';
    io.stderr(`error${code}: ${(error as Error).message}`);
    return 1;
  }
}

function summary(options: BacktestCliOptions, report: BacktestReport): string {
  const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(2)}%`);
  return [
    `${options.strategy} on ${options.symbol}: ${report.fills.length} fills, ${report.trades.length} round trips`,
    `final equity ${report.finalEquity.toFixed(2)} (cash ${report.cash.toFixed(2)}), total return ${pct(report.metrics.totalReturn)}, max drawdown ${pct(report.metrics.maxDrawdown.pct)}`,
    `report written to ${options.out}`,
  ].join('\n');
}
