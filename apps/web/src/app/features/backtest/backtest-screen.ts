import { RouterLink } from '@angular/router';
import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  afterRenderEffect,
  computed,
  inject,
  linkedSignal,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { CommandRequests } from '../../core/state/command-requests.service';
import type { BacktestRun } from '@ptp/contracts';
import { of } from 'rxjs';
import type { ApiFailure } from '../../core/api/api-failure';
import { BacktestsApi } from '../../core/api/backtests-api.service';
import { ConfigApi } from '../../core/api/config-api.service';
import { formatMoney } from '../../core/format/format';
import { FORMAT_PIPES } from '../../core/format/format.pipes';
import { pollResource } from '../../core/polling/poll-resource';
import { sameJson } from '../../core/state/same-json';
import { CHART_COLORS } from '../../shared/charts/chart-theme';
import { TimeSeriesChart } from '../../shared/charts/time-series-chart';
import { WriteGuard } from '../../shared/ui/write-guard';
import {
  type ParamValues,
  StrategyParamsForm,
  initialParams,
} from '../controls/strategy-params-form';
import { BacktestComparison } from './backtest-comparison';
import { equityPoints, roundTripRows } from './backtest-report';
import {
  type BacktestSourceType,
  METRIC_ROWS,
  backtestSubmission,
  comparisonSeries,
  metricText,
  runLabel,
} from './backtest.view';

const FINISHED = new Set(['completed', 'failed', 'cancelled']);
/** A short default range: a month of simulated minute bars runs in well under a second. */
const DEFAULT_FROM = '2025-01-02';
const DEFAULT_TO = '2025-01-31';

@Component({
  selector: 'ptp-backtest-screen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ...FORMAT_PIPES,
    RouterLink,
    BacktestComparison,
    DecimalPipe,
    StrategyParamsForm,
    TimeSeriesChart,
    WriteGuard,
  ],
  templateUrl: './backtest-screen.html',
  styleUrl: './backtest-screen.scss',
})
export class BacktestScreen {
  private readonly api = inject(BacktestsApi);
  private readonly configApi = inject(ConfigApi);

  protected readonly strategies = pollResource(() => this.configApi.strategies(), {
    equal: sameJson,
  });
  protected readonly runs = pollResource(() => this.api.list());

  protected readonly symbol = signal('SPY');
  protected readonly strategyName = linkedSignal<string>(
    () => this.strategies.value()?.[0]?.name ?? '',
  );
  protected readonly strategy = computed(() =>
    this.strategies.value()?.find((s) => s.name === this.strategyName()),
  );
  protected readonly params = linkedSignal<ParamValues>(() => {
    const strategy = this.strategy();
    return strategy ? initialParams(strategy) : {};
  });
  protected readonly from = signal(DEFAULT_FROM);
  protected readonly to = signal(DEFAULT_TO);
  protected readonly capital = signal(500);
  protected readonly commissionPct = signal(0);
  protected readonly slippageBps = signal(5);
  protected readonly source = signal<BacktestSourceType>('simulated');
  protected readonly seed = signal(42);
  private readonly requests = inject(CommandRequests);
  private readonly runButton = viewChild<ElementRef<HTMLButtonElement>>('runButton');

  constructor() {
    // BT NVDA 2024-01-01 2024-06-30 from the command line fills the form; the user still runs it.
    afterRenderEffect(() => {
      const request = this.requests.backtest();
      const button = this.runButton();
      // Run stays disabled until the strategies have loaded, and a disabled button takes no focus.
      if (!request || !button || !this.strategy()) return;
      untracked(() => {
        this.requests.backtest.set(null);
        this.symbol.set(request.symbol);
        this.from.set(request.from);
        this.to.set(request.to);
      });
      button.nativeElement.focus();
    });
  }
  protected readonly csvFile = signal<File | null>(null);

  protected readonly selectedId = signal<string | null>(null);
  protected readonly compareIds = signal<readonly string[]>([]);
  protected readonly failure = signal<ApiFailure | null>(null);

  protected readonly runList = computed(() => this.runs.value()?.items ?? []);
  protected readonly selected = computed<BacktestRun | undefined>(() =>
    this.runList().find((r) => r.id === this.selectedId()),
  );
  /** The selected run, polled for progress until it finishes. */
  private readonly active = pollResource<BacktestRun | null>((current) => {
    const id = this.selectedId();
    if (id === null) return of(null);
    return current && current.id === id && FINISHED.has(current.status)
      ? of(current)
      : this.api.get(id);
  });
  protected readonly current = computed(() => {
    const live = this.active.value() ?? undefined;
    return live && live.id === this.selectedId() ? live : this.selected();
  });
  protected readonly currentSeries = computed(() => {
    const report = this.current()?.report;
    return report
      ? [{ label: 'Equity', color: CHART_COLORS.accent, points: equityPoints(report) }]
      : [];
  });
  protected readonly trades = computed(() => {
    const report = this.current()?.report;
    return report ? roundTripRows(report) : [];
  });
  /** Runs ticked for comparison, with their reports (lists omit them, so each is fetched once). */
  protected readonly compared = signal<readonly BacktestRun[]>([]);
  protected readonly comparison = computed(() => comparisonSeries(this.compared()));
  protected readonly currentLabel = computed(() => {
    const run = this.current();
    return run ? `· ${runLabel(run)}` : '';
  });
  protected readonly metricRows = METRIC_ROWS;
  protected readonly formatMoney = (value: number) => formatMoney(value, { digits: 0 });
  protected readonly label = runLabel;
  protected readonly isFinished = (run: BacktestRun) => FINISHED.has(run.status);

  protected readonly metric = metricText;

  protected setParam({ key, value }: { readonly key: string; readonly value: number }): void {
    this.params.update((params) => ({ ...params, [key]: value }));
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected num(event: Event): number {
    return Number(this.text(event));
  }

  protected pickCsv(event: Event): void {
    this.csvFile.set((event.target as HTMLInputElement).files?.[0] ?? null);
  }

  protected setSource(event: Event): void {
    this.source.set(this.text(event) as BacktestSourceType);
  }

  protected run(event: Event): void {
    event.preventDefault();
    this.failure.set(null);
    const submission = backtestSubmission({
      symbol: this.symbol(),
      strategy: this.strategyName(),
      params: this.params(),
      from: this.from(),
      to: this.to(),
      capital: this.capital(),
      commissionPct: this.commissionPct(),
      slippageBps: this.slippageBps(),
      source: this.source(),
      seed: this.seed(),
    });
    const file = this.csvFile();
    const started =
      submission.kind === 'json'
        ? this.api.start(submission.request)
        : file
          ? this.api.upload(submission.request, file, file.name)
          : null;
    if (!started) return;
    started.subscribe({
      next: (run) => {
        this.selectedId.set(run.id);
        this.active.refresh();
        this.runs.refresh();
      },
      error: (failure: ApiFailure) => this.failure.set(failure),
    });
  }

  protected toggleCompare(run: BacktestRun): void {
    if (this.compareIds().includes(run.id)) {
      this.compareIds.update((ids) => ids.filter((x) => x !== run.id));
      this.compared.update((runs) => runs.filter((r) => r.id !== run.id));
      return;
    }
    this.compareIds.update((ids) => [...ids, run.id]);
    this.api.get(run.id).subscribe({
      next: (full) => this.compared.update((runs) => [...runs, full]),
      error: (failure: ApiFailure) => this.failure.set(failure),
    });
  }

  protected select(id: string): void {
    this.selectedId.set(id);
    this.active.refresh();
  }
}
