import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { BacktestRun } from '@ptp/contracts';
import { formatMoney } from '../../core/format/format';
import { FORMAT_PIPES } from '../../core/format/format.pipes';
import type { LineSeries } from '../../shared/charts/chart-series';
import { TimeSeriesChart } from '../../shared/charts/time-series-chart';
import { METRIC_ROWS, metricText, runLabel } from './backtest.view';

/** Several finished runs side by side: their equity curves on one chart and their metrics in a table. */
@Component({
  selector: 'ptp-backtest-comparison',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORMAT_PIPES, TimeSeriesChart],
  template: `
    <div data-testid="bt-comparison">
      <ptp-time-series-chart
        [series]="series()"
        [formatY]="formatMoney"
        [height]="220"
        ariaLabel="Backtest comparison"
      />
      <table class="grid">
        <thead>
          <tr>
            <th>Metric</th>
            @for (r of runs(); track r.id) {
              <th class="num">{{ label(r) }}</th>
            }
          </tr>
        </thead>
        <tbody>
          <tr>
            <td class="muted">Final equity</td>
            @for (r of runs(); track r.id) {
              <td class="num">{{ r.report?.finalEquity | money }}</td>
            }
          </tr>
          @for (m of metricRows; track m.path) {
            <tr>
              <td class="muted">{{ m.label }}</td>
              @for (r of runs(); track r.id) {
                <td class="num">{{ metric(r, m.path) }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class BacktestComparison {
  readonly runs = input.required<readonly BacktestRun[]>();
  /** One equity line per run with a report (`comparisonSeries`). */
  readonly series = input.required<LineSeries[]>();
  protected readonly metricRows = METRIC_ROWS;
  protected readonly label = runLabel;
  protected readonly metric = metricText;
  protected readonly formatMoney = (value: number) => formatMoney(value, { digits: 0 });
}
