import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { PortfolioApi } from '../../core/api/portfolio-api.service';
import { formatMoney, formatPct } from '../../core/format/format';
import { pollResource } from '../../core/polling/poll-resource';
import { ChartDataStore } from '../../core/state/chart-data-store.service';
import { DoughnutChart } from '../../shared/charts/doughnut-chart';
import { TimeSeriesChart } from '../../shared/charts/time-series-chart';
import { KpiTiles } from '../../shared/ui/kpi-tiles';
import { EQUITY_RANGES, type EquityRange } from './equity-series';
import { allocationSlices, drawdownLine, equitySeries, kpiTiles } from './overview.view';

@Component({
  selector: 'ptp-overview-screen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DoughnutChart, KpiTiles, TimeSeriesChart],
  templateUrl: './overview-screen.html',
  styleUrl: './overview-screen.scss',
})
export class OverviewScreen {
  private readonly portfolioApi = inject(PortfolioApi);
  protected readonly chartData = inject(ChartDataStore);
  protected readonly portfolio = pollResource(() => this.portfolioApi.portfolio());
  protected readonly metrics = pollResource(() => this.portfolioApi.metrics());

  protected readonly ranges = EQUITY_RANGES;
  protected readonly range = signal<EquityRange>('ALL');
  protected readonly formatMoney = (value: number) => formatMoney(value, { digits: 0 });
  protected readonly formatPct = (value: number) => formatPct(value, { digits: 2 });

  protected readonly tiles = computed(() => kpiTiles(this.portfolio.value(), this.metrics.value()));
  protected readonly equity = computed(() => equitySeries(this.chartData.data(), this.range()));
  protected readonly equityPointCount = computed(() => this.equity()[0]?.points.length ?? 0);
  protected readonly drawdown = computed(() => drawdownLine(this.equity()[0]));
  protected readonly allocation = computed(() => allocationSlices(this.portfolio.value()));
}
