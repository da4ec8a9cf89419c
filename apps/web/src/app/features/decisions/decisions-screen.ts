import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterRenderEffect,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import type { Decision, DecisionRiskOutcome } from '@ptp/contracts';
import { type DecisionQuery, DecisionsApi } from '../../core/api/decisions-api.service';
import { UtcPipe } from '../../core/format/format.pipes';
import { pollResource } from '../../core/polling/poll-resource';

const PAGE_SIZE = 200;

/** "name=value" pairs of a decision's indicator readings, warming-up ones shown as "…". */
export function indicatorText(indicators: Decision['indicators']): string {
  return Object.entries(indicators)
    .map(([name, value]) => `${name}=${value === null ? '…' : Number(value.toFixed(4))}`)
    .join('  ');
}

/** The audit trail: why the engine did (or did not) trade, filterable by symbol, action and risk outcome. */
@Component({
  selector: 'ptp-decisions-screen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UtcPipe],
  templateUrl: './decisions-screen.html',
  styles: `
    .filters {
      display: flex;
      gap: 0.6rem;
      flex-wrap: wrap;
      align-items: end;
      margin-bottom: 0.5rem;
    }
    .indicators {
      font-family: var(--mono);
      color: var(--muted);
      white-space: nowrap;
    }
    .scroll {
      max-height: calc(100vh - 170px);
    }
    tr.selected td {
      background: #3a2a10;
    }
  `,
})
export class DecisionsScreen {
  private readonly api = inject(DecisionsApi);

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** `?symbol=&decision=` from a fill on the price chart: that symbol's trail, the decision marked. */
  readonly symbol = input<string>();
  readonly decision = input<string>();
  protected readonly selectedId = computed(() => Number(this.decision() ?? NaN));

  protected readonly symbolFilter = linkedSignal(() => this.symbol() ?? '');
  protected readonly action = signal('');
  protected readonly outcome = signal('');
  protected readonly hideHolds = signal(true);

  private readonly query = computed<DecisionQuery>(() => ({
    symbol: this.symbolFilter().trim().toUpperCase() || undefined,
    outcome: (this.outcome() || undefined) as DecisionRiskOutcome | undefined,
    limit: PAGE_SIZE,
  }));
  protected readonly decisions = pollResource(() => this.api.list(this.query()));
  /** The API filters by symbol and outcome; the signal filter runs on the loaded page. */
  protected readonly rows = computed(() =>
    (this.decisions.value()?.items ?? []).filter((d) =>
      this.action() ? d.action === this.action() : !(this.hideHolds() && d.action === 'hold'),
    ),
  );
  protected readonly indicatorText = indicatorText;

  constructor() {
    afterRenderEffect(() => {
      const id = this.selectedId();
      if (Number.isNaN(id) || this.rows().length === 0) return;
      this.host.nativeElement.querySelector<HTMLElement>(`#decision-${id}`)?.scrollIntoView({
        block: 'center',
      });
    });
  }

  protected set(target: 'symbolFilter' | 'action' | 'outcome', event: Event): void {
    this[target].set((event.target as HTMLInputElement | HTMLSelectElement).value);
    this.decisions.refresh();
  }
}
