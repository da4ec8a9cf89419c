import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { AccountPerformance, BacktestPerformance } from '@ptp/contracts';
import { formatPct } from '../../core/format/format';
import { TimeSeriesChart } from '../../shared/charts/time-series-chart';
import { CHART_COLORS } from '../../shared/charts/chart-theme';
import { KpiTiles } from '../../shared/ui/kpi-tiles';
import { DailyPnlChart } from './daily-pnl-chart';
import { MONTH_NAMES, performanceView } from './performance.view';

/** The performance breakdowns of the live account or of a backtest: one component for both. */
@Component({
  selector: 'ptp-performance-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DailyPnlChart, KpiTiles, TimeSeriesChart],
  templateUrl: './performance-panel.html',
  styleUrl: './performance-panel.scss',
})
export class PerformancePanel {
  readonly performance = input.required<AccountPerformance | BacktestPerformance>();
  /** Name of the buy-and-hold line (the benchmark symbol, or the backtest's first symbol). */
  readonly benchmarkLabel = input('Buy & hold');

  protected readonly view = computed(() => performanceView(this.performance()));
  protected readonly monthNames = MONTH_NAMES;
  protected readonly returns = computed(() => [
    { label: 'Strategy', color: CHART_COLORS.accent, points: this.view().strategy },
    {
      label: this.benchmarkLabel(),
      color: CHART_COLORS.benchmark,
      points: this.view().benchmark,
      dashed: true,
    },
  ]);
  protected readonly formatReturn = (value: number) => formatPct(value, { signed: true });
}
