import type { BacktestReport } from '@ptp/contracts';
import { toMs } from '../../core/format/parse';
import type { TimePoint } from '../../shared/charts/chart-series';

/** A round trip of a backtest report, as the trades table shows it. */
export interface RoundTripRow {
  readonly symbol: string;
  readonly entryTime: number | string | null;
  readonly exitTime: number | string | null;
  readonly quantity: number | null;
  readonly entryPrice: number | null;
  readonly exitPrice: number | null;
  readonly pnl: number | null;
}

type Loose = Readonly<Record<string, unknown>>;

function num(record: Loose, key: string): number | null {
  const value = record[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function time(record: Loose, key: string): number | string | null {
  const value = record[key];
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

/** The report keeps round trips as loose records (the CLI's report.json); pick the fields the table shows. */
export function roundTripRows(report: BacktestReport): RoundTripRow[] {
  return report.trades.map((trade) => ({
    symbol: typeof trade['symbol'] === 'string' ? trade['symbol'] : '—',
    entryTime: time(trade, 'entryTime'),
    exitTime: time(trade, 'exitTime'),
    quantity: num(trade, 'quantity'),
    entryPrice: num(trade, 'entryPrice'),
    exitPrice: num(trade, 'exitPrice'),
    pnl: num(trade, 'pnl'),
  }));
}

/** Equity curve points; daily reports use `YYYY-MM-DD` times, intraday ones epoch ms or ISO strings. */
export function equityPoints(report: BacktestReport): TimePoint[] {
  return report.equityCurve.flatMap((point) => {
    const x = toMs(time(point, 'time'));
    const y = num(point, 'equity');
    return x === null || y === null ? [] : [{ x, y }];
  });
}

/** A metric by dotted path (e.g. `maxDrawdown.pct`), when it is a finite number. */
export function metricValue(
  report: BacktestReport | null | undefined,
  path: string,
): number | null {
  let value: unknown = report?.metrics;
  for (const key of path.split('.'))
    value = typeof value === 'object' && value !== null ? (value as Loose)[key] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
