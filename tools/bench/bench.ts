import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { engineSection, resultTable, withEngineSection } from './benchmarks-doc';
import { replay, type BenchProfile, type ReplayResult } from './engine-replay';

const SYMBOL_COUNTS = [1, 10, 100];
const STRATEGIES = ['ma-crossover', 'rsi-mean-reversion', 'momentum-breakout', 'mixed'];
const PROFILES: BenchProfile[] = ['defaults', 'full'];
const DOC = join(__dirname, '..', '..', 'docs', 'benchmarks.md');

/** One replay per child process, so that each run's peak RSS is its own. */
function runInChild(
  symbols: number,
  strategy: string,
  profile: BenchProfile,
): Promise<ReplayResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--replay', String(symbols), strategy, profile], {
      execArgv: process.execArgv,
    });
    child.once('message', (result) => resolve(result as ReplayResult));
    child.once('exit', (code) =>
      code === 0
        ? undefined
        : reject(new Error(`replay ${symbols} × ${strategy} exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const results: ReplayResult[] = [];
  for (const profile of PROFILES) {
    for (const symbols of SYMBOL_COUNTS) {
      for (const strategy of STRATEGIES) {
        const result = await runInChild(symbols, strategy, profile);
        results.push(result);
        process.stdout.write(
          `${profile}: ${symbols} × ${strategy}: ${Math.round(result.barsPerSecond).toLocaleString('en-US')} bars/s\n`,
        );
      }
    }
  }
  process.stdout.write(`\n${resultTable(results)}\n`);
  const environment = `Node ${process.version}, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, measured ${new Date().toISOString().slice(0, 10)}`;
  writeFileSync(
    DOC,
    withEngineSection(readFileSync(DOC, 'utf8'), engineSection(results, environment)),
  );
  process.stdout.write(`\nEngine section written to ${DOC}\n`);
}

const replayIndex = process.argv.indexOf('--replay');
if (replayIndex >= 0) {
  const send = process.send?.bind(process);
  if (!send) throw new Error('--replay runs as a child of npm run bench');
  send(
    replay(
      Number(process.argv[replayIndex + 1]),
      process.argv[replayIndex + 2],
      process.argv[replayIndex + 3] as BenchProfile,
    ),
    () => process.exit(0),
  );
} else {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
