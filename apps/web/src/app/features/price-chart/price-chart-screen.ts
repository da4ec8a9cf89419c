import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { Router } from '@angular/router';
import { map, of } from 'rxjs';
import { ConfigApi } from '../../core/api/config-api.service';
import { DecisionsApi } from '../../core/api/decisions-api.service';
import { MarketApi } from '../../core/api/market-api.service';
import { StrategiesApi } from '../../core/api/strategies-api.service';
import { UtcPipe } from '../../core/format/format.pipes';
import { pollResource } from '../../core/polling/poll-resource';
import { ChartDataStore } from '../../core/state/chart-data-store.service';
import { TradingStatus } from '../../core/state/trading-status.service';
import { CandleChart } from './candle-chart';
import {
  TIMEFRAMES,
  type FillWithDecision,
  type Timeframe,
  bucketBars,
  fillsWithDecisions,
  indicatorLines,
  rsiThresholds,
  timeframeSpec,
} from './candles.view';

/** Candles, volume and the running strategy's own indicators for one symbol, with its fills. */
@Component({
  selector: 'ptp-price-chart-screen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CandleChart, UtcPipe],
  templateUrl: './price-chart-screen.html',
  styleUrl: './price-chart-screen.scss',
})
export class PriceChartScreen {
  private readonly router = inject(Router);
  private readonly store = inject(ChartDataStore);
  private readonly market = inject(MarketApi);
  private readonly strategies = inject(StrategiesApi);
  private readonly decisionsApi = inject(DecisionsApi);
  private readonly status = inject(TradingStatus);
  private readonly configApi = inject(ConfigApi);
  readonly symbol = input<string>();

  protected readonly timeframes = TIMEFRAMES;
  protected readonly timeframe = signal<Timeframe>('1m');
  private readonly spec = computed(() => timeframeSpec(this.timeframe()));
  private readonly chart = viewChild(CandleChart);

  protected readonly symbols = computed(() => Object.keys(this.store.data()?.prices ?? {}).sort());
  protected readonly active = computed(
    () => this.symbol()?.toUpperCase() ?? this.symbols()[0] ?? '',
  );
  private readonly config = pollResource(() => this.configApi.config());
  /** The running session's strategy and parameters, else the account's configured default. */
  protected readonly strategy = computed(() => {
    const session = this.status.session.value();
    if (session?.strategy && session.params)
      return { name: session.strategy, params: session.params, running: true };
    const config = this.config.value();
    return config
      ? { name: config.strategy, params: config.strategies[config.strategy] ?? {}, running: false }
      : null;
  });
  protected readonly paramText = computed(() =>
    Object.entries(this.strategy()?.params ?? {})
      .map(([k, v]) => `${k} ${v}`)
      .join(' · '),
  );

  /** The chart looks back from the market's clock, which runs ahead of the wall in a fast simulation. */
  private readonly from = () =>
    (this.status.marketStatus.value()?.asOf ?? Date.now()) - this.spec().lookbackMs;
  protected readonly bars = pollResource(() =>
    this.active()
      ? this.market.bars(this.active(), this.spec().timespan, this.from())
      : of(undefined),
  );
  protected readonly indicators = pollResource(() => {
    const strategy = this.strategy();
    if (!strategy || !this.active()) return of(undefined);
    return this.strategies.indicators({
      strategy: strategy.name,
      params: strategy.params,
      symbol: this.active(),
      timespan: this.spec().timespan,
      from: this.from(),
    });
  });
  private readonly decisions = pollResource(() =>
    this.active()
      ? this.decisionsApi
          .list({ symbol: this.active(), outcome: 'approved', limit: 1000 })
          .pipe(map((page) => page.items))
      : of([]),
  );

  protected readonly fills = computed(() =>
    fillsWithDecisions(this.store.data()?.fills ?? [], this.decisions.value() ?? [], this.active()),
  );
  protected readonly recentFills = computed(() => this.fills().slice(-12).reverse());
  protected readonly chartInput = computed(() => {
    const response = this.bars.value();
    const bars = response?.symbol === this.active() ? response.bars : [];
    const indicators = this.indicators.value();
    const matching = indicators?.symbol === this.active() ? indicators : undefined;
    const first = bars[0]?.time ?? Number.POSITIVE_INFINITY;
    return {
      bars: bucketBars(bars, this.spec().bucketMinutes),
      lines: indicatorLines(matching),
      thresholds: rsiThresholds(matching?.params),
      fills: this.fills().filter((f) => f.fill.time >= first),
    };
  });
  protected readonly indicatorCount = computed(() => this.chartInput().lines.length);

  protected show(symbol: string): void {
    void this.router.navigate(['/chart', symbol]);
  }

  protected setTimeframe(id: Timeframe): void {
    this.timeframe.set(id);
  }

  protected focusFill(fill: FillWithDecision): void {
    this.chart()?.showFill(fill);
  }

  protected openDecision(fill: FillWithDecision): void {
    if (!fill.decision) return;
    void this.router.navigate(['/decisions'], {
      queryParams: { symbol: fill.fill.symbol, decision: fill.decision.id },
    });
  }

  constructor() {
    let first = true;
    // Another symbol or timeframe: drop what is shown and load at once instead of at the next tick.
    effect(() => {
      this.active();
      this.timeframe();
      if (first) return void (first = false);
      untracked(() => {
        this.bars.reset();
        this.indicators.reset();
        this.decisions.reset();
      });
    });
  }
}
