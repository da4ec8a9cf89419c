import type { FullBacktestResult } from './full-backtest';
import { withSection } from './markdown-section';

const HEADING = '## Full backtest';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const millions = (n: number) => `${(n / 1e6).toFixed(2)}M`;

export function fullBacktestTable(results: readonly FullBacktestResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.description} | ${fmt(r.bars)} | ${fmt(r.fills)} | ${fmt(r.curvePoints)} | ${(r.seconds * 1000).toFixed(1)} ms | **${fmt(r.barsPerSecond)}** | ${millions(r.barsPerSecondRange[0])}–${millions(r.barsPerSecondRange[1])} (${r.runs} runs) | ${fmt(r.barsPerCpuSecond)} |`,
  );
  return [
    '| Data | Bars | Fills | Report curve points | Time (median) | Bars/s (median) | Bars/s, slowest–fastest run | Bars per CPU second (median) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function fullBacktestSection(
  results: readonly FullBacktestResult[],
  environment: string,
): string {
  return `${HEADING}

What a user runs, measured with \`npm run bench\` (\`tools/bench/full-backtest.ts\`): \`runBacktest\` from the bars to
the whole report (bar selection, the engine, round trips, metrics, performance, formatted times), parsing excluded.
MA crossover 10/30, 0.1 % commission, 5 bps slippage, no risk rules, $10,000 per entry, $100,000 capital. The data
is built by the project's seeded simulator, so any clone measures the same bars: twenty years of daily bars
(minutes aggregated per session, 1995 on) and one year of 1-minute bars. \`npm run bench -- --daily-csv FILE\` adds
a row for a Yahoo daily CSV. Each shape runs in its own process, first for 2 s untimed (the JIT's warm-up), then as
many timed runs as fit in 3 s (at least nine); every run must produce the same report.json, byte for byte. On a
loaded machine the wall clock includes waiting for a core, so the CPU time of the process is given too (it includes
V8's GC and compiler threads). \`npm run bench -- --backtest-only\` measures this table alone. Target: 2,000,000 bars/s.

${fullBacktestTable(results)}

- Environment: ${environment}.
`;
}

/** Replaces (or appends) the Full backtest section of docs/benchmarks.md. */
export const withFullBacktestSection = (markdown: string, section: string) =>
  withSection(markdown, HEADING, section);
