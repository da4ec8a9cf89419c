import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { engineSection, resultTable, withEngineSection } from './benchmarks-doc';
import { replay, type BenchProfile, type ReplayResult } from './engine-replay';
import { fullBacktest, type FullBacktestResult } from './full-backtest';
import {
  fullBacktestSection,
  fullBacktestTable,
  withFullBacktestSection,
} from './full-backtest-doc';

const SYMBOL_COUNTS = [1, 10, 100];
const STRATEGIES = ['ma-crossover', 'rsi-mean-reversion', 'momentum-breakout', 'mixed'];
const PROFILES: BenchProfile[] = ['defaults', 'full'];
const DOC = join(__dirname, '..', '..', 'docs', 'benchmarks.md');

/**
 * One measurement per child process, so that each run's peak RSS and JIT state are its own.
 */
function runInChild<T>(args: readonly string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, args, { execArgv: process.execArgv });
    child.once('message', (result) => resolve(result as T));
    child.once('exit', (code) =>
      code === 0 ? undefined : reject(new Error(`${args.join(' ')} exited with ${code}`)),
    );
  });
}

const environment = () =>
  `Node ${process.version}, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, measured ${new Date().toISOString().slice(0, 10)}`;

async function engineRows(): Promise<void> {
  const results: ReplayResult[] = [];
  for (const profile of PROFILES) {
    for (const symbols of SYMBOL_COUNTS) {
      for (const strategy of STRATEGIES) {
        const result = await runInChild<ReplayResult>([
          '--replay',
          String(symbols),
          strategy,
          profile,
        ]);
        results.push(result);
        process.stdout.write(
          `${profile}: ${symbols} × ${strategy}: ${Math.round(result.barsPerSecond).toLocaleString('en-US')} bars/s\n`,
        );
      }
    }
  }
  process.stdout.write(`\n${resultTable(results)}\n`);
  writeFileSync(
    DOC,
    withEngineSection(readFileSync(DOC, 'utf8'), engineSection(results, environment())),
  );
  process.stdout.write(`\nEngine section written to ${DOC}\n`);
}

/** The full-backtest rows: the daily and minute shapes, and a daily CSV given with --daily-csv. */
async function fullBacktestRows(dailyCsv: string | undefined): Promise<void> {
  const results: FullBacktestResult[] = [];
  for (const shape of ['daily', 'minute', ...(dailyCsv ? [dailyCsv] : [])]) {
    const result = await runInChild<FullBacktestResult>(['--backtest', shape]);
    results.push(result);
    process.stdout.write(
      `full backtest, ${result.description}: ${Math.round(result.barsPerSecond).toLocaleString('en-US')} bars/s\n`,
    );
  }
  process.stdout.write(`\n${fullBacktestTable(results)}\n`);
  writeFileSync(
    DOC,
    withFullBacktestSection(readFileSync(DOC, 'utf8'), fullBacktestSection(results, environment())),
  );
  process.stdout.write(`\nFull backtest section written to ${DOC}\n`);
}

async function main(): Promise<void> {
  const csvIndex = process.argv.indexOf('--daily-csv');
  if (!process.argv.includes('--backtest-only')) await engineRows();
  await fullBacktestRows(csvIndex >= 0 ? process.argv[csvIndex + 1] : undefined);
}

/** Runs `measure` as a child of `npm run bench` and sends its result to the parent. */
function reportToParent(flag: string, measure: () => unknown): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error(`${flag} runs as a child of npm run bench`);
  send(measure(), () => process.exit(0));
}

const replayIndex = process.argv.indexOf('--replay');
const backtestIndex = process.argv.indexOf('--backtest');
if (replayIndex >= 0) {
  reportToParent('--replay', () =>
    replay(
      Number(process.argv[replayIndex + 1]),
      process.argv[replayIndex + 2],
      process.argv[replayIndex + 3] as BenchProfile,
    ),
  );
} else if (backtestIndex >= 0) {
  reportToParent('--backtest', () => fullBacktest(process.argv[backtestIndex + 1]));
} else {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
