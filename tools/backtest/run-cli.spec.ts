import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIo } from './run-cli';

const CSV = join(__dirname, 'fixtures', 'orcl-1995-1996.csv');
const POLYGON = join(__dirname, 'fixtures', 'orcl-1995-1996.aggs-day.json');
const dir = mkdtempSync(join(tmpdir(), 'backtest-cli-'));

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (l) => out.push(l), stderr: (l) => err.push(l), progress: false };
}

function args(data: string, out: string, extra: string[] = []): string[] {
  return [
    '--data',
    data,
    '--symbol',
    'ORCL',
    '--strategy',
    'ma-crossover',
    '--capital',
    '10000',
    '--quantity',
    '100',
    '--commission-pct',
    '0.1',
    '--slippage-bps',
    '5',
    '--no-risk',
    '--out',
    out,
    ...extra,
  ];
}

interface Row {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
}

/** An independent batch reference of ma-crossover 10/30 under the bar rule: next open, slippage clamped, 0.1 % commission. */
function referenceFills(rows: Row[], quantity: number, bps: number, pct: number) {
  const sma = (i: number, n: number) =>
    i + 1 < n ? null : rows.slice(i + 1 - n, i + 1).reduce((s, r) => s + r.close, 0) / n;
  const fills: { time: string; side: string; price: number; commission: number }[] = [];
  let lastSign = 0;
  let holding = false;
  for (let i = 0; i + 1 < rows.length; i++) {
    const fast = sma(i, 10);
    const slow = sma(i, 30);
    if (fast === null || slow === null) continue;
    const sign = Math.sign(fast - slow);
    const crossUp = sign > 0 && lastSign < 0;
    const crossDown = sign < 0 && lastSign > 0;
    if (sign !== 0) lastSign = sign;
    const next = rows[i + 1];
    if ((crossUp && !holding) || (crossDown && holding)) {
      const side = crossUp ? 'buy' : 'sell';
      const slipped = next.open * (side === 'buy' ? 1 + bps / 1e4 : 1 - bps / 1e4);
      const price = Math.min(next.high, Math.max(next.low, slipped));
      fills.push({ time: next.date, side, price, commission: (price * quantity * pct) / 100 });
      holding = crossUp;
    }
  }
  return fills;
}

describe('backtest CLI', () => {
  it('writes a report whose fills match an independent reference computation', () => {
    const out = join(dir, 'csv.json');
    const io = capture();
    expect(runCli(args(CSV, out), io)).toBe(0);
    expect(io.out.join('\n')).toContain('report written to');
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const rows: Row[] = readFileSync(CSV, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [date, open, high, low, close] = line.split(',');
        return { date, open: +open, high: +high, low: +low, close: +close };
      });
    const expected = referenceFills(rows, 100, 5, 0.1);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(report.fills).toHaveLength(expected.length);
    report.fills.forEach(
      (
        fill: { time: string; side: string; price: number; commission: number; quantity: number },
        i: number,
      ) => {
        expect(fill).toMatchObject({
          time: expected[i].time,
          side: expected[i].side,
          quantity: 100,
          symbol: 'ORCL',
        });
        expect(fill.price).toBeCloseTo(expected[i].price, 10);
        expect(fill.commission).toBeCloseTo(expected[i].commission, 10);
      },
    );
    // Hand-checked: the cross above on 1995-05-11 fills at the 1995-05-12 open, 2.370370 × 1.0005 = 2.371555185 exactly.
    expect(report.fills[0]).toEqual({
      time: '1995-05-12',
      symbol: 'ORCL',
      side: 'buy',
      quantity: 100,
      price: 2.371555185,
      commission: expect.closeTo(0.2371555185, 12),
    });
    const lastClose = rows[rows.length - 1].close;
    const heldAtEnd = report.positions.reduce(
      (s: number, p: { quantity: number }) => s + p.quantity,
      0,
    );
    expect(report.finalEquity).toBeCloseTo(report.cash + heldAtEnd * lastClose, 9);
    expect(report.equityCurve[report.equityCurve.length - 1].time).toBe(rows[rows.length - 1].date);
  });

  it('gives the same report from the Polygon aggregates of the same bars', () => {
    const fromCsv = join(dir, 'a.json');
    const fromJson = join(dir, 'b.json');
    expect(runCli(args(CSV, fromCsv), capture())).toBe(0);
    expect(runCli(args(POLYGON, fromJson), capture())).toBe(0);
    expect(readFileSync(fromJson, 'utf8')).toBe(readFileSync(fromCsv, 'utf8'));
  });

  it('trades only inside --from/--to', () => {
    const out = join(dir, 'range.json');
    expect(runCli(args(CSV, out, ['--from', '1995-06-01', '--to', '1995-12-31']), capture())).toBe(
      0,
    );
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.equityCurve[0].time).toBe('1995-06-01');
    expect(report.equityCurve[report.equityCurve.length - 1].time).toBe('1995-12-29');
  });

  it('takes corporate actions and the execution options', () => {
    const base = join(dir, 'plain.json');
    expect(runCli(args(CSV, base), capture())).toBe(0);
    const plainReport = JSON.parse(readFileSync(base, 'utf8'));
    // A split (not in the data) while the first round trip is open doubles the shares held.
    const { entryTime, exitTime } = plainReport.trades[0];
    const during = plainReport.equityCurve.find(
      (p: { time: string }) => p.time > entryTime && p.time < exitTime,
    );
    const actions = join(dir, 'actions.json');
    const split = { ticker: 'ORCL', execution_date: during.time, split_from: 1, split_to: 2 };
    writeFileSync(actions, JSON.stringify({ splits: [split], dividends: [] }));
    const withSplit = join(dir, 'split.json');
    expect(runCli(args(CSV, withSplit, ['--corporate-actions', actions]), capture())).toBe(0);
    const capped = join(dir, 'capped.json');
    const cap = ['--max-volume-pct', '0.0001', '--limit-fill-rule', 'through'];
    expect(runCli(args(CSV, capped, cap), capture())).toBe(0);
    const [plain, split2, partial] = [base, withSplit, capped].map((f) =>
      JSON.parse(readFileSync(f, 'utf8')),
    );
    expect(split2.equityCurve).not.toEqual(plain.equityCurve);
    expect(split2.trades[0].quantity).toBe(200);
    expect(partial.fills.length).toBeGreaterThan(plain.fills.length);
    const bad = capture();
    writeFileSync(actions, JSON.stringify({ splits: [{ ...split, split_to: 0 }] }));
    expect(runCli(args(CSV, join(dir, 'bad.json'), ['--corporate-actions', actions]), bad)).toBe(1);
    expect(bad.err.join('\n')).toContain('[BAD_RESULT]');
  });

  it('exits 2 with the usage on a bad command line and 1 on bad data', () => {
    const usage = capture();
    expect(runCli(['--data', CSV], usage)).toBe(2);
    expect(usage.err.join('\n')).toContain('Usage: npm run backtest');
    const strategy = capture();
    expect(runCli(args(CSV, join(dir, 'x.json'), ['--param', 'fast=50']), strategy)).toBe(2);
    expect(strategy.err.join('\n')).toMatch(/fast/);
    const adjusted = capture();
    expect(runCli(args(POLYGON, join(dir, 'z.json'), ['--adjusted']), adjusted)).toBe(2);
    expect(adjusted.err.join('\n')).toContain('--adjusted applies to a Yahoo CSV only');
    const data = capture();
    expect(runCli(args(join(__dirname, 'backtest-args.ts'), join(dir, 'y.json')), data)).toBe(1);
    expect(data.err.join('\n')).toContain('[BAD_HEADER]');
  });

  it('runs as `npm run backtest` and exits non-zero on bad arguments', () => {
    const root = join(__dirname, '..', '..');
    const run = (argv: string[]) =>
      execFileSync(
        'npx',
        ['tsx', '--tsconfig', 'tsconfig.base.json', 'tools/backtest/backtest.ts', ...argv],
        { cwd: root, encoding: 'utf8', stdio: 'pipe' },
      );
    const out = join(dir, 'spawned.json');
    expect(run(args(CSV, out))).toContain('round trips');
    expect(JSON.parse(readFileSync(out, 'utf8')).fills.length).toBeGreaterThan(0);
    expect(() => run(['--capital', 'lots'])).toThrow(expect.objectContaining({ status: 2 }));
  });

  it('reads and writes paths relative to where `npm run backtest` was typed, not the package root', () => {
    const root = join(__dirname, '..', '..');
    const cwd = mkdtempSync(join(tmpdir(), 'backtest-cwd-'));
    copyFileSync(CSV, join(cwd, 'bars.csv'));
    const argv = [
      '--data',
      'bars.csv',
      '--symbol',
      'ORCL',
      '--strategy',
      'ma-crossover',
      '--capital',
      '10000',
      '--quantity',
      '100',
      '--commission-pct',
      '0',
      '--slippage-bps',
      '0',
      '--no-risk',
      '--out',
      'report.json',
    ];
    execFileSync('npm', ['--prefix', root, 'run', '--silent', 'backtest', '--', ...argv], {
      cwd,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8')).fills.length).toBeGreaterThan(
      0,
    );
  });

  it('lists every strategy parameter with its default in --help', () => {
    const io = capture();
    expect(runCli(['--help'], io)).toBe(0);
    expect(io.out.join('\n')).toContain(
      'momentum-breakout    entryPeriod=20 exitPeriod=10 volumeMultiple=1.5',
    );
  });
});
