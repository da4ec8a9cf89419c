import type { Account, AccountMetrics, ChartData } from '@ptp/contracts';
import { formatFraction, formatNumber, pnlClass } from '../../core/format/format';
import { toNum } from '../../core/format/parse';
import type { LineSeries } from '../../shared/charts/chart-series';
import { paletteColor } from '../../shared/charts/chart-theme';

/** What is loaded for an account ticked for comparison. */
export interface ComparedAccount {
  readonly chart: ChartData;
  readonly metrics: AccountMetrics;
}

/** One row of the comparison table: the trading core's metrics, formatted. */
export interface ComparisonRow {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly totalReturn: string;
  readonly returnTone: 'gain' | 'loss' | 'flat';
  readonly sharpe: string;
  readonly maxDrawdown: string;
  readonly trades: number;
  readonly winRate: string;
  readonly profitFactor: string;
}

/** Return since inception in percent, when the account reports its starting capital. */
export function accountReturnPct(account: Account): number | null {
  const start = toNum(account.startingCapital);
  const equity = toNum(account.equity);
  return start && equity !== null ? ((equity - start) / start) * 100 : null;
}

/** Each compared account's equity as a percentage of its starting capital, so different sizes compare. */
export function comparisonLines(
  accounts: readonly Account[],
  charts: Readonly<Record<string, ChartData>>,
): LineSeries[] {
  return accounts.flatMap((account, i) => {
    const chart = charts[account.id];
    if (!chart || chart.startingCapital <= 0) return [];
    const points = chart.equity.map((p) => ({
      x: p.time,
      y: (p.equity / chart.startingCapital) * 100,
    }));
    return [{ label: account.name, color: paletteColor(i), points }];
  });
}

/** The compared accounts' statistics side by side, in the chart's colours and order. */
export function comparisonRows(
  accounts: readonly Account[],
  compared: Readonly<Record<string, ComparedAccount>>,
): ComparisonRow[] {
  return accounts.flatMap((account, i) => {
    const metrics = compared[account.id]?.metrics;
    if (!metrics) return [];
    return [
      {
        id: account.id,
        name: account.name,
        color: paletteColor(i),
        totalReturn: formatFraction(metrics.totalReturn, { signed: true }),
        returnTone: pnlClass(metrics.totalReturn),
        sharpe: formatNumber(metrics.sharpe),
        maxDrawdown: formatFraction(metrics.maxDrawdown.pct),
        trades: metrics.tradeCount,
        winRate: formatFraction(metrics.winRate, { digits: 1 }),
        profitFactor: formatNumber(metrics.profitFactor),
      },
    ];
  });
}
