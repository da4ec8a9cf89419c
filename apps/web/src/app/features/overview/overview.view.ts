import type { AccountMetrics, ChartData, Portfolio } from '@ptp/contracts';
import { formatFraction, formatMoney, formatNumber, pnlClass } from '../../core/format/format';
import { toNum } from '../../core/format/parse';
import type { LineSeries, TimePoint } from '../../shared/charts/chart-series';
import { CHART_COLORS } from '../../shared/charts/chart-theme';
import type { DoughnutSlice } from '../../shared/charts/doughnut-chart';
import type { KpiTile } from '../../shared/ui/kpi-tiles';
import { type EquityRange, drawdownSeries, sliceToRange } from './equity-series';

export function kpiTiles(
  portfolio: Portfolio | undefined,
  metrics: AccountMetrics | undefined,
): KpiTile[] {
  return [
    { id: 'equity', label: 'Equity', value: formatMoney(portfolio?.equity) },
    { id: 'cash', label: 'Cash', value: formatMoney(portfolio?.cash) },
    {
      id: 'total-pnl',
      label: 'Total P&L',
      value: formatMoney(portfolio?.totalPnl, { signed: true }),
      tone: pnlClass(portfolio?.totalPnl),
    },
    {
      id: 'day-pnl',
      label: 'Day P&L',
      value: formatMoney(portfolio?.dayPnl, { signed: true }),
      tone: pnlClass(portfolio?.dayPnl),
    },
    {
      id: 'sharpe',
      label: 'Sharpe',
      value: formatNumber(metrics?.sharpe),
      hint: String(metrics?.convention['sharpe'] ?? 'Daily returns, sample σ, √252'),
    },
    {
      id: 'max-dd',
      label: 'Max drawdown',
      value: formatFraction(metrics?.maxDrawdown.pct),
      tone: metrics?.maxDrawdown.pct ? 'loss' : 'flat',
    },
    {
      id: 'win-rate',
      label: 'Win rate',
      value: formatFraction(metrics?.winRate, { digits: 1 }),
      hint: `${metrics?.tradeCount ?? 0} closed round trips`,
    },
  ];
}

/** Equity, buy-and-hold and cash lines for the chosen range. */
export function equitySeries(data: ChartData | undefined, range: EquityRange): LineSeries[] {
  const equity = data?.equity ?? [];
  const pick = (select: (p: ChartData['equity'][number]) => number | null): TimePoint[] =>
    sliceToRange(
      equity.flatMap((p) => {
        const y = select(p);
        return y === null ? [] : [{ x: p.time, y }];
      }),
      range,
    ) as TimePoint[];
  return [
    { label: 'Equity', color: CHART_COLORS.accent, points: pick((p) => p.equity) },
    {
      label: 'Buy & hold',
      color: CHART_COLORS.benchmark,
      points: pick((p) => p.benchmark),
      dashed: true,
    },
    { label: 'Cash', color: CHART_COLORS.cash, points: pick((p) => p.cash), dashed: true },
  ];
}

export function drawdownLine(equityLine: LineSeries | undefined): LineSeries[] {
  return [
    {
      label: 'Drawdown %',
      color: CHART_COLORS.loss,
      points: drawdownSeries(equityLine?.points ?? []),
      fill: true,
    },
  ];
}

/** Market value per position plus cash, largest first. */
export function allocationSlices(portfolio: Portfolio | undefined): DoughnutSlice[] {
  if (!portfolio) return [];
  const positions = portfolio.positions
    .map((p) => ({ label: p.symbol, value: toNum(p.marketValue) ?? 0 }))
    .filter((slice) => slice.value > 0)
    .sort((a, b) => b.value - a.value);
  const cash = toNum(portfolio.cash) ?? 0;
  return cash > 0 ? [...positions, { label: 'Cash', value: cash }] : positions;
}
