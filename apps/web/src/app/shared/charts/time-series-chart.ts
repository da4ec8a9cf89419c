import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import type { LineSeries, MarkerSeries } from './chart-series';
import { CHART_COLORS } from './chart-theme';
import { timeTickLabel, timeTooltipLabel } from './time-axis';

type Points = { x: number; y: number }[];
type SeriesChartConfig = ChartConfiguration<'line', Points>;

function lineDataset(series: LineSeries): ChartDataset<'line', Points> {
  return {
    label: series.label,
    data: series.points as Points,
    borderColor: series.color,
    backgroundColor: series.fill ? `${series.color}33` : series.color,
    borderDash: series.dashed ? [4, 3] : [],
    borderWidth: 1.5,
    fill: series.fill ? 'origin' : false,
    pointRadius: 0,
    tension: 0,
  };
}

function markerDataset(series: MarkerSeries): ChartDataset<'line', Points> {
  return {
    label: series.label,
    data: series.points as Points,
    borderColor: series.color,
    backgroundColor: series.color,
    pointRadius: 6,
    pointStyle: 'triangle',
    pointRotation: series.shape === 'triangle-down' ? 180 : 0,
    showLine: false,
  };
}

/** A line chart over time (UTC ms on a linear axis) with optional buy/sell markers. */
@Component({
  selector: 'ptp-time-series-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BaseChartDirective],
  template: `
    <div class="chart" [style.height.px]="height()">
      <canvas
        baseChart
        type="line"
        [data]="data()"
        [options]="options()"
        [attr.aria-label]="ariaLabel()"
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
export class TimeSeriesChart {
  readonly series = input.required<readonly LineSeries[]>();
  readonly markers = input<readonly MarkerSeries[]>([]);
  readonly height = input(220);
  readonly ariaLabel = input('chart');
  /** Formats y values on the axis and in tooltips. */
  readonly formatY = input<(value: number) => string>((value) => value.toFixed(2));

  protected readonly data = computed<SeriesChartConfig['data']>(() => ({
    datasets: [...this.markers().map(markerDataset), ...this.series().map(lineDataset)],
  }));

  private readonly span = computed(() => {
    const xs = this.series().flatMap((s) =>
      s.points.length > 0 ? [s.points[0].x, s.points[s.points.length - 1].x] : [],
    );
    return xs.length > 1 ? Math.max(...xs) - Math.min(...xs) : 0;
  });

  protected readonly options = computed<SeriesChartConfig['options']>(() => {
    const formatY = this.formatY();
    const span = this.span();
    return {
      interaction: { intersect: false, mode: 'nearest', axis: 'x' },
      parsing: false,
      normalized: true,
      plugins: {
        legend: { labels: { boxWidth: 10, boxHeight: 2 } },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'line'>[]) =>
              items.length > 0 ? timeTooltipLabel(items[0].parsed.x ?? 0) : '',
            label: (item: TooltipItem<'line'>) =>
              `${item.dataset.label ?? ''}: ${formatY(item.parsed.y ?? 0)}`,
          },
        },
      },
      scales: {
        x: {
          type: 'linear',
          grid: { color: CHART_COLORS.grid },
          ticks: { maxTicksLimit: 8, callback: (value) => timeTickLabel(Number(value), span) },
        },
        y: {
          type: 'linear',
          position: 'right',
          grid: { color: CHART_COLORS.grid },
          ticks: { maxTicksLimit: 6, callback: (value) => formatY(Number(value)) },
        },
      },
    };
  });
}
