import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

/**
 * report.json against an independent reference backtester (written from the rules alone, outside
 * this codebase) on the committed ORCL sample: every fill, round trip, the final portfolio and the main
 * metrics. The acceptance check compares to 1e-6 relative; 1e-9 here leaves room only for float noise.
 */
const TOLERANCE = 1e-9;
const CSV = join(__dirname, 'fixtures', 'orcl-1995-1996.csv');
const dir = mkdtempSync(join(tmpdir(), 'backtest-reference-'));

type Fill = [time: string, side: string, quantity: number, price: number, commission: number];
type Trade = [
  entryTime: string,
  exitTime: string,
  quantity: number,
  entryPrice: number,
  exitPrice: number,
  pnl: number,
  commission: number,
];

interface ReferenceCase {
  readonly name: string;
  readonly args: string[];
  readonly expected: {
    readonly fills: Fill[];
    readonly trades: Trade[];
    readonly finalEquity: number;
    readonly cash: number;
    readonly positions: [symbol: string, quantity: number][];
    readonly metrics: Record<string, number | null>;
  };
}

const { cases } = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'reference-reports.json'), 'utf8'),
) as { cases: ReferenceCase[] };

function expectClose(actual: unknown, expected: number | null, what: string): void {
  if (expected === null || typeof actual !== 'number') {
    expect({ [what]: actual }).toEqual({ [what]: expected });
    return;
  }
  const scale = Math.max(Math.abs(actual), Math.abs(expected));
  const relative = scale === 0 ? 0 : Math.abs(actual - expected) / scale;
  if (relative > TOLERANCE)
    throw new Error(
      `${what}: ${actual}, the reference says ${expected} (relative difference ${relative})`,
    );
}

describe('report.json matches the reference backtester', () => {
  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', (_name, { args, expected }, i) => {
    const out = join(dir, `case-${i}.json`);
    const err: string[] = [];
    const code = runCli(['--data', CSV, '--symbol', 'ORCL', ...args, '--out', out], {
      stdout: () => undefined,
      stderr: (l) => err.push(l),
      progress: false,
    });
    expect({ code, err }).toEqual({ code: 0, err: [] });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(report)).toEqual([
      'fills',
      'trades',
      'finalEquity',
      'cash',
      'positions',
      'metrics',
      'performance',
      'equityCurve',
    ]);

    expect(report.fills.map((f: { time: string; side: string }) => `${f.time} ${f.side}`)).toEqual(
      expected.fills.map(([time, side]) => `${time} ${side}`),
    );
    report.fills.forEach((fill: Record<string, unknown>, k: number) => {
      const [, , quantity, price, commission] = expected.fills[k];
      expect(Object.keys(fill)).toEqual([
        'time',
        'symbol',
        'side',
        'quantity',
        'price',
        'commission',
      ]);
      expectClose(fill.quantity, quantity, `fill ${k} quantity`);
      expectClose(fill.price, price, `fill ${k} price`);
      expectClose(fill.commission, commission, `fill ${k} commission`);
    });

    expect(
      report.trades.map(
        (t: { entryTime: string; exitTime: string }) => `${t.entryTime} → ${t.exitTime}`,
      ),
    ).toEqual(expected.trades.map(([from, to]) => `${from} → ${to}`));
    report.trades.forEach((trade: Record<string, unknown>, k: number) => {
      const [, , quantity, entryPrice, exitPrice, pnl, commission] = expected.trades[k];
      Object.entries({ quantity, entryPrice, exitPrice, pnl, commission }).forEach(
        ([field, value]) => expectClose(trade[field], value, `trade ${k} ${field}`),
      );
    });

    expectClose(report.finalEquity, expected.finalEquity, 'finalEquity');
    expectClose(report.cash, expected.cash, 'cash');
    expect(report.positions.map((p: { symbol: string }) => p.symbol)).toEqual(
      expected.positions.map(([symbol]) => symbol),
    );
    report.positions.forEach((p: { quantity: number }, k: number) =>
      expectClose(p.quantity, expected.positions[k][1], `position ${k} quantity`),
    );

    const { maxDrawdownPct, maxDrawdownAmount, ...metrics } = expected.metrics;
    Object.entries(metrics).forEach(([name, value]) =>
      expectClose(report.metrics[name], value, `metrics.${name}`),
    );
    expectClose(report.metrics.maxDrawdown.pct, maxDrawdownPct, 'metrics.maxDrawdown.pct');
    expectClose(report.metrics.maxDrawdown.amount, maxDrawdownAmount, 'metrics.maxDrawdown.amount');
  });
});
