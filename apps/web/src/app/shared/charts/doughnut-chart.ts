import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ChartConfiguration } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import { paletteColor } from './chart-theme';

export interface DoughnutSlice {
  readonly label: string;
  readonly value: number;
}

type DoughnutConfig = ChartConfiguration<'doughnut', number[], string>;

@Component({
  selector: 'ptp-doughnut-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BaseChartDirective],
  template: `
    <div class="chart" [style.height.px]="height()">
      <canvas
        baseChart
        type="doughnut"
        [data]="data()"
        [options]="options"
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
export class DoughnutChart {
  readonly slices = input.required<readonly DoughnutSlice[]>();
  readonly height = input(200);
  readonly ariaLabel = input('allocation');

  protected readonly data = computed<DoughnutConfig['data']>(() => ({
    labels: this.slices().map((s) => s.label),
    datasets: [
      {
        data: this.slices().map((s) => s.value),
        backgroundColor: this.slices().map((_, i) => paletteColor(i)),
        borderColor: '#111316',
        borderWidth: 1,
      },
    ],
  }));

  protected readonly options: DoughnutConfig['options'] = {
    cutout: '62%',
    plugins: { legend: { position: 'right', labels: { boxWidth: 10 } } },
  };
}
