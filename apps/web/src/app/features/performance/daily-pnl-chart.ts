import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import { formatMoney } from '../../core/format/format';
import { CHART_COLORS } from '../../shared/charts/chart-theme';

type Points = { x: number; y: number }[];
type BarConfig = ChartConfiguration<'bar', Points>;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Daily P&L as bars over the days (UTC dates), gains green and losses red. */
@Component({
  selector: 'ptp-daily-pnl-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BaseChartDirective],
  template: `
    <div class="chart" [style.height.px]="height()">
      <canvas
        baseChart
        type="bar"
        [data]="data()"
        [options]="options"
        role="img"
        aria-label="Daily profit and loss"
      ></canvas>
    </div>
  `,
  styles: `
    .chart {
      position: relative;
      width: 100%;
    }
  `,
})
export class DailyPnlChart {
  readonly points = input.required<readonly { x: number; y: number }[]>();
  readonly height = input(180);

  protected readonly data = computed<BarConfig['data']>(() => ({
    datasets: [
      {
        label: 'Daily P&L',
        data: this.points() as Points,
        backgroundColor: this.points().map((p) =>
          p.y < 0 ? CHART_COLORS.loss : CHART_COLORS.gain,
        ),
        barPercentage: 0.9,
        categoryPercentage: 1,
        maxBarThickness: 24,
      },
    ],
  }));

  protected readonly options: BarConfig['options'] = {
    parsing: false,
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          title: (items: TooltipItem<'bar'>[]) => (items[0] ? day(items[0].parsed.x ?? 0) : ''),
          label: (item: TooltipItem<'bar'>) => formatMoney(item.parsed.y, { signed: true }),
        },
      },
    },
    scales: {
      x: {
        type: 'linear',
        offset: true,
        grid: { color: CHART_COLORS.grid },
        ticks: { maxTicksLimit: 8, callback: (value) => day(Number(value)).slice(5) },
      },
      y: {
        position: 'right',
        grid: { color: CHART_COLORS.grid },
        ticks: { maxTicksLimit: 5, callback: (value) => formatMoney(Number(value)) },
      },
    },
  };
}
