import {
  ChangeDetectionStrategy,
  Component,
  afterRenderEffect,
  computed,
  inject,
  linkedSignal,
  untracked,
  viewChild,
} from '@angular/core';
import { CommandRequests } from '../../core/state/command-requests.service';
import type { Observable } from 'rxjs';
import { ConfigApi } from '../../core/api/config-api.service';
import type { RiskLimits, RuntimeConfigPatch } from '@ptp/contracts';
import { PortfolioApi } from '../../core/api/portfolio-api.service';
import { PaperTradingApi } from '../../core/api/paper-trading-api.service';
import { FORMAT_PIPES } from '../../core/format/format.pipes';
import { pollResource } from '../../core/polling/poll-resource';
import { DashboardSettings } from '../../core/settings/dashboard-settings.service';
import { sameJson } from '../../core/state/same-json';
import { serverAction } from '../../core/state/server-action';
import { TradingStatus } from '../../core/state/trading-status.service';
import { ConfirmButton } from '../../shared/ui/confirm-button';
import { WriteGuard } from '../../shared/ui/write-guard';
import { positionRows } from '../activity/activity.view';
import { PositionsTable } from '../activity/positions-table';
import { ExecutionSettingsForm } from './execution-settings-form';
import { RiskLimitsForm } from './risk-limits-form';
import {
  type ParamValues,
  StrategyParamsForm,
  initialParams,
  paramErrors,
} from './strategy-params-form';

function parseSymbols(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

@Component({
  selector: 'ptp-controls-screen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ...FORMAT_PIPES,
    ConfirmButton,
    ExecutionSettingsForm,
    PositionsTable,
    RiskLimitsForm,
    StrategyParamsForm,
    WriteGuard,
  ],
  templateUrl: './controls-screen.html',
  styleUrl: './controls-screen.scss',
})
export class ControlsScreen {
  private readonly configApi = inject(ConfigApi);
  private readonly paperTrading = inject(PaperTradingApi);
  protected readonly status = inject(TradingStatus);
  protected readonly settings = inject(DashboardSettings);

  protected readonly strategies = pollResource(() => this.configApi.strategies(), {
    equal: sameJson,
  });
  protected readonly config = pollResource(() => this.configApi.config(), { equal: sameJson });
  private readonly portfolioApi = inject(PortfolioApi);
  private readonly portfolio = pollResource(() => this.portfolioApi.portfolio());
  protected readonly positions = computed(() => positionRows(this.portfolio.value()));
  protected readonly session = this.status.session.value;
  protected readonly running = computed(() => this.session()?.state === 'running');

  /**
   * While a session runs the form shows what it runs with; otherwise the account's configured defaults.
   * Only these settings count as a change: every status poll differs (ticks, equity), and must not reset
   * what the user is typing.
   */
  private readonly live = computed(
    () => {
      const session = this.session();
      if (session?.state !== 'running') return undefined;
      const { strategy, params, symbols, signalIntervalSec } = session;
      return { strategy, params, symbols, signalIntervalSec };
    },
    { equal: sameJson },
  );
  protected readonly strategyName = linkedSignal(
    () =>
      this.live()?.strategy ??
      this.config.value()?.strategy ??
      this.strategies.value()?.[0]?.name ??
      '',
  );
  protected readonly strategy = computed(() =>
    this.strategies.value()?.find((s) => s.name === this.strategyName()),
  );
  protected readonly params = linkedSignal<ParamValues>(() => {
    const strategy = this.strategy();
    if (!strategy) return {};
    const live = this.live();
    return initialParams(
      strategy,
      live?.strategy === strategy.name && live.params
        ? live.params
        : this.config.value()?.strategies[strategy.name],
    );
  });
  protected readonly symbolsText = linkedSignal(() =>
    (this.live()?.symbols ?? this.config.value()?.watchlist ?? []).join(', '),
  );
  protected readonly intervalSec = linkedSignal(
    () => this.live()?.signalIntervalSec ?? this.config.value()?.signalIntervalSec ?? 60,
  );
  protected readonly paramsValid = computed(
    () => Object.keys(paramErrors(this.strategy(), this.params())).length === 0,
  );
  protected readonly canStart = computed(
    () =>
      !this.running() &&
      !!this.strategy() &&
      this.paramsValid() &&
      parseSymbols(this.symbolsText()).length > 0 &&
      this.intervalSec() > 0,
  );

  private readonly requests = inject(CommandRequests);
  private readonly startButton = viewChild<ConfirmButton>('startButton');
  private readonly stopButton = viewChild<ConfirmButton>('stopButton');

  constructor() {
    // START mixed / STOP from the command line: pick the strategy, then open the confirmation.
    afterRenderEffect(() => {
      const request = this.requests.session();
      if (!request || !this.strategies.value() || !this.config.value() || !this.session()) return;
      if (request.kind === 'start' && this.strategyName() !== request.strategy) {
        untracked(() => this.strategyName.set(request.strategy));
        return;
      }
      const button = request.kind === 'start' ? this.startButton() : this.stopButton();
      this.canStart();
      untracked(() => {
        this.requests.session.set(null);
        button?.ask();
      });
    });
  }

  private readonly action = serverAction();
  protected readonly busy = this.action.busy;
  protected readonly failure = this.action.failure;
  protected readonly message = this.action.message;

  protected start(): void {
    this.run(
      this.paperTrading.start({
        strategy: this.strategyName(),
        params: this.params(),
        symbols: parseSymbols(this.symbolsText()),
        signalIntervalSec: this.intervalSec(),
      }),
      'Session started',
    );
  }

  protected stop(): void {
    this.run(this.paperTrading.stop(), 'Session stopped');
  }

  protected saveWatchlist(): void {
    this.run(
      this.configApi.update({
        watchlist: parseSymbols(this.symbolsText()),
        signalIntervalSec: this.intervalSec(),
      }),
      'Watchlist and interval saved',
    );
  }

  protected saveRisk(risk: RiskLimits): void {
    this.run(this.configApi.update({ risk }), 'Risk limits saved');
  }

  protected saveExecution(patch: RuntimeConfigPatch): void {
    this.run(this.configApi.update(patch), 'Execution settings saved');
  }

  protected setInterval(event: Event): void {
    this.intervalSec.set(Number((event.target as HTMLInputElement).value));
  }

  protected setPollInterval(event: Event): void {
    this.settings.setPollIntervalSec(Number((event.target as HTMLInputElement).value));
  }

  protected setParam({ key, value }: { readonly key: string; readonly value: number }): void {
    this.params.update((params) => ({ ...params, [key]: value }));
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  private run(request: Observable<unknown>, done: string): void {
    this.action.run(request, done, () => {
      this.status.session.refresh();
      this.config.refresh();
    });
  }
}
