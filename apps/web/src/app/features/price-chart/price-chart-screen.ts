import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import { formatMoney } from '../../core/format/format';
import { ChartDataStore } from '../../core/state/chart-data-store.service';
import { TimeSeriesChart } from '../../shared/charts/time-series-chart';
import { fillMarkers, priceSeries } from './price-chart.view';

/** One symbol's price with its buy/sell fills; the symbol comes from the route (/chart/:symbol). */
@Component({
  selector: 'ptp-price-chart-screen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TimeSeriesChart],
  template: `
    <section class="panel" data-testid="price-chart-screen">
      <header class="panel__title">
        <span>Price · {{ active() || '—' }}</span>
        <span class="symbols" role="group" aria-label="Symbol">
          @for (s of symbols(); track s) {
            <button
              type="button"
              class="btn btn--small"
              [class.btn--ghost]="s !== active()"
              [attr.data-testid]="'chart-symbol-' + s"
              (click)="show(s)"
            >
              {{ s }}
            </button>
          }
        </span>
      </header>
      @if (series()[0].points.length > 0) {
        <div data-testid="price-chart" [attr.data-fills]="fillCount()">
          <ptp-time-series-chart
            [series]="series()"
            [markers]="markers()"
            [formatY]="formatPrice"
            [height]="420"
            [ariaLabel]="active() + ' price'"
          />
        </div>
      } @else {
        <p class="muted">No price history for {{ active() || 'this symbol' }} yet.</p>
      }
    </section>
  `,
  styles: `
    .symbols {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.2rem;
    }
  `,
})
export class PriceChartScreen {
  private readonly router = inject(Router);
  private readonly store = inject(ChartDataStore);
  readonly symbol = input<string>();

  protected readonly symbols = computed(() => Object.keys(this.store.data()?.prices ?? {}).sort());
  protected readonly active = computed(
    () => this.symbol()?.toUpperCase() ?? this.symbols()[0] ?? '',
  );
  protected readonly series = computed(() => priceSeries(this.store.data(), this.active()));
  protected readonly markers = computed(() => fillMarkers(this.store.data(), this.active()));
  protected readonly fillCount = computed(() =>
    this.markers().reduce((n, m) => n + m.points.length, 0),
  );
  protected readonly formatPrice = (value: number) => formatMoney(value);

  protected show(symbol: string): void {
    void this.router.navigate(['/chart', symbol]);
  }
}
