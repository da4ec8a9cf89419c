import type {
  BacktestRequest,
  BacktestRun,
  BacktestSource,
  BacktestUploadRequest,
} from '@ptp/contracts';
import { formatFraction, formatNumber } from '../../core/format/format';
import type { LineSeries } from '../../shared/charts/chart-series';
import { paletteColor } from '../../shared/charts/chart-theme';
import { equityPoints, metricValue } from './backtest-report';

export type BacktestSourceType = BacktestSource['type'];

export interface BacktestFormValue {
  readonly symbol: string;
  readonly strategy: string;
  readonly params: Readonly<Record<string, number>>;
  readonly from: string;
  readonly to: string;
  readonly capital: number;
  readonly commissionPct: number;
  readonly slippageBps: number;
  readonly source: BacktestSourceType;
  readonly seed: number;
}

/** What the form starts: a JSON request, or a CSV upload whose file travels beside the request. */
export type BacktestSubmission =
  | { readonly kind: 'json'; readonly request: BacktestRequest }
  | { readonly kind: 'upload'; readonly request: BacktestUploadRequest };

function source(form: BacktestFormValue): Exclude<BacktestSource, { type: 'csv' }> {
  if (form.source === 'polygon') return { type: 'polygon', timespan: 'day' };
  return { type: 'simulated', seed: form.seed };
}

export function backtestSubmission(form: BacktestFormValue): BacktestSubmission {
  const fields = backtestFields(form);
  return form.source === 'csv'
    ? { kind: 'upload', request: { ...fields, source: { type: 'csv' } } }
    : { kind: 'json', request: { ...fields, source: source(form) } };
}

function backtestFields(form: BacktestFormValue): Omit<BacktestRequest, 'source'> {
  return {
    symbols: [form.symbol.trim().toUpperCase()],
    strategy: form.strategy,
    params: form.params,
    from: form.from,
    to: form.to,
    capital: form.capital,
    fees: { percent: form.commissionPct },
    slippageBps: form.slippageBps,
  };
}

export function runLabel(run: BacktestRun): string {
  const strategy = typeof run.request['strategy'] === 'string' ? run.request['strategy'] : 'run';
  const symbols = Array.isArray(run.request['symbols'])
    ? (run.request['symbols'] as string[]).join(',')
    : '';
  return `${strategy} ${symbols} #${run.id.slice(0, 6)}`;
}

/** One equity line per run that has a report, for the side-by-side comparison. */
export function comparisonSeries(runs: readonly BacktestRun[]): LineSeries[] {
  return runs.flatMap((run, i) =>
    run.report
      ? [{ label: runLabel(run), color: paletteColor(i), points: equityPoints(run.report) }]
      : [],
  );
}

/** The metrics table: the core reports fractions, shown here as percent. */
export const METRIC_ROWS: readonly {
  readonly path: string;
  readonly label: string;
  readonly format: (value: number | null) => string;
}[] = [
  { path: 'totalReturn', label: 'Total return', format: (v) => formatFraction(v) },
  { path: 'annualizedReturn', label: 'Annualised return', format: (v) => formatFraction(v) },
  { path: 'sharpe', label: 'Sharpe', format: (v) => formatNumber(v) },
  { path: 'sortino', label: 'Sortino', format: (v) => formatNumber(v) },
  { path: 'maxDrawdown.pct', label: 'Max drawdown', format: (v) => formatFraction(v) },
  { path: 'winRate', label: 'Win rate', format: (v) => formatFraction(v, { digits: 1 }) },
  { path: 'profitFactor', label: 'Profit factor', format: (v) => formatNumber(v) },
  { path: 'exposure', label: 'Exposure', format: (v) => formatFraction(v, { digits: 1 }) },
  { path: 'tradeCount', label: 'Round trips', format: (v) => formatNumber(v, 0) },
];

export function metricText(run: BacktestRun | undefined, path: string): string {
  const row = METRIC_ROWS.find((r) => r.path === path);
  return row ? row.format(metricValue(run?.report, path)) : '—';
}
