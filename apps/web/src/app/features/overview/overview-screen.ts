import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { PortfolioApi } from '../../core/api/portfolio-api.service';
import { formatMoney, formatPct, pnlClass } from '../../core/format/format';
import { pollResource } from '../../core/polling/poll-resource';
import { ChartDataStore } from '../../core/state/chart-data-store.service';
import { TradingStatus } from '../../core/state/trading-status.service';
import { fillRows, positionRows } from '../activity/activity.view';
import { FillsTable } from '../activity/fills-table';
import { PositionsTable } from '../activity/positions-table';
import { DoughnutChart } from '../../shared/charts/doughnut-chart';
import { TimeSeriesChart } from '../../shared/charts/time-series-chart';
import { KpiTiles } from '../../shared/ui/kpi-tiles';
import { EQUITY_RANGES, type EquityRange } from './equity-series';
import { allocationSlices, drawdownLine, equitySeries, kpiTiles } from './overview.view';

@Component({
  selector: 'ptp-overview-screen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DoughnutChart, FillsTable, KpiTiles, PositionsTable, TimeSeriesChart],
  templateUrl: './overview-screen.html',
  styleUrl: './overview-screen.scss',
})
export class OverviewScreen {
  private readonly portfolioApi = inject(PortfolioApi);
  protected readonly chartData = inject(ChartDataStore);
  protected readonly portfolio = pollResource(() => this.portfolioApi.portfolio());
  protected readonly metrics = pollResource(() => this.portfolioApi.metrics());
  protected readonly trades = pollResource(() => this.portfolioApi.trades(12));
  private readonly status = inject(TradingStatus);

  protected readonly ranges = EQUITY_RANGES;
  protected readonly range = signal<EquityRange>('ALL');
  protected readonly formatMoney = (value: number) => formatMoney(value, { digits: 0 });
  protected readonly formatPct = (value: number) => formatPct(value, { digits: 2 });

  protected readonly tiles = computed(() => kpiTiles(this.portfolio.value(), this.metrics.value()));
  protected readonly equity = computed(() => equitySeries(this.chartData.data(), this.range()));
  protected readonly equityPointCount = computed(() => this.equity()[0]?.points.length ?? 0);
  protected readonly drawdown = computed(() => drawdownLine(this.equity()[0]));
  protected readonly allocation = computed(() => allocationSlices(this.portfolio.value()));
  protected readonly positions = computed(() => positionRows(this.portfolio.value()));
  protected readonly fills = computed(() => fillRows(this.trades.value()?.items));
  protected readonly risk = computed(() => this.status.session.value()?.riskState ?? null);
  protected readonly pnlClass = pnlClass;
  protected readonly money = (value: string) => formatMoney(value);
  protected readonly signedMoney = (value: string) => formatMoney(value, { signed: true });
}
