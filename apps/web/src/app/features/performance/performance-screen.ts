import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { map, of } from 'rxjs';
import { toApiFailure } from '../../core/api/api-failure';
import { BacktestsApi } from '../../core/api/backtests-api.service';
import { PortfolioApi } from '../../core/api/portfolio-api.service';
import { pollResource } from '../../core/polling/poll-resource';
import { ChartDataStore } from '../../core/state/chart-data-store.service';
import { PerformancePanel } from './performance-panel';

const LIVE = 'live';

/** Performance of the live account, or of a completed backtest picked from the list. */
@Component({
  selector: 'ptp-performance-screen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PerformancePanel],
  template: `
    <section class="panel" data-testid="performance-screen">
      <header class="panel__title">
        <span>Performance · {{ title() }}</span>
        <span class="field source">
          <label for="perf-source">Source</label>
          <select
            id="perf-source"
            data-testid="performance-source"
            [value]="source()"
            (change)="pick($event)"
          >
            <option [value]="live">Live account</option>
            @for (run of runs.value() ?? []; track run.id) {
              <option [value]="run.id">Backtest {{ runLabel(run.request) }}</option>
            }
          </select>
        </span>
      </header>
      @if (error(); as e) {
        <p class="notice">Performance unavailable ({{ e.code }}): {{ e.message }}</p>
      }
      @if (performance(); as p) {
        <ptp-performance-panel [performance]="p" [benchmarkLabel]="benchmarkLabel()" />
      } @else if (source() !== live && backtest.hasValue()) {
        <p class="muted">
          This run's report has no performance breakdown (made before it existed).
        </p>
      } @else {
        <p class="muted">Loading…</p>
      }
    </section>
  `,
  styles: `
    .source {
      display: inline-flex;
      flex-direction: row;
      align-items: center;
      gap: 0.4rem;
    }
  `,
})
export class PerformanceScreen {
  private readonly router = inject(Router);
  private readonly portfolio = inject(PortfolioApi);
  private readonly backtests = inject(BacktestsApi);
  private readonly chartData = inject(ChartDataStore);
  /** `?run=<backtest id>` opens that backtest. */
  readonly run = input<string>();

  protected readonly live = LIVE;
  private readonly picked = signal<string | null>(null);
  protected readonly source = computed(() => this.picked() ?? this.run() ?? LIVE);

  protected readonly runs = pollResource(() =>
    this.backtests.list(50, 'completed').pipe(map((page) => page.items)),
  );
  private readonly account = pollResource(() =>
    this.source() === LIVE ? this.portfolio.performance() : of(undefined),
  );
  /** A completed run does not change: loaded once per pick, not polled. */
  protected readonly backtest = rxResource({
    params: () => (this.source() === LIVE ? undefined : this.source()),
    stream: ({ params }) => this.backtests.get(params),
  });

  protected readonly performance = computed(() => {
    if (this.source() === LIVE) return this.account.value();
    const run = this.backtest.hasValue() ? this.backtest.value() : undefined;
    return run?.id === this.source() ? (run.report?.performance ?? undefined) : undefined;
  });
  protected readonly error = computed(() =>
    this.source() === LIVE
      ? this.account.error()
      : this.backtest.error()
        ? toApiFailure(this.backtest.error())
        : null,
  );
  protected readonly title = computed(() => {
    if (this.source() === LIVE) return 'live account';
    const run = (this.runs.value() ?? []).find((r) => r.id === this.source());
    return run ? `backtest ${this.runLabel(run.request)}` : 'backtest';
  });
  protected readonly benchmarkLabel = computed(() => {
    if (this.source() === LIVE) return `Buy & hold ${this.chartData.data()?.benchmarkSymbol ?? ''}`;
    const symbols = this.backtest.hasValue() ? this.backtest.value().request['symbols'] : null;
    return Array.isArray(symbols) ? `Buy & hold ${String(symbols[0])}` : 'Buy & hold';
  });

  protected runLabel(request: Readonly<Record<string, unknown>>): string {
    const symbols = Array.isArray(request['symbols']) ? request['symbols'].join(',') : '';
    return `${String(request['strategy'] ?? '')} ${symbols} ${String(request['from'] ?? '')}…${String(request['to'] ?? '')}`;
  }

  protected pick(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.picked.set(value);
    void this.router.navigate([], { queryParams: { run: value === LIVE ? null : value } });
    this.account.reset();
  }
}
