import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { RiskLimits } from '@ptp/contracts';
import {
  NumberFields,
  numberFieldErrors,
  type NumberFieldChange,
  type NumberFieldSpec,
} from '../../shared/ui/number-fields';

const NUMBER_FIELDS: readonly NumberFieldSpec<keyof RiskLimits>[] = [
  { key: 'maxPositionPct', label: 'Max position % of equity', min: 0.1, max: 100 },
  { key: 'maxOpenPositions', label: 'Max open positions', min: 1, max: 100, integer: true },
  { key: 'dailyLossLimitPct', label: 'Daily loss limit %', min: 0.1, max: 100 },
  { key: 'minOrderNotional', label: 'Min order $', min: 0, max: 1_000_000 },
  { key: 'defaultStopLossPct', label: 'Default stop-loss %', min: 0.1, max: 100, nullable: true },
  {
    key: 'defaultTakeProfitPct',
    label: 'Default take-profit %',
    min: 0.1,
    max: 1000,
    nullable: true,
  },
];

type FlagKey = 'flattenOnDailyLossLimit' | 'enforceMarketHours' | 'patternDayTrader';

const FLAG_FIELDS: readonly { key: FlagKey; label: string; testId: string }[] = [
  { key: 'flattenOnDailyLossLimit', label: 'Flatten on daily loss limit', testId: 'risk-flatten' },
  { key: 'enforceMarketHours', label: 'Regular session only', testId: 'risk-market-hours' },
  { key: 'patternDayTrader', label: 'Pattern-day-trader rule', testId: 'risk-pdt' },
];

export function riskLimitErrors(limits: RiskLimits): Partial<Record<keyof RiskLimits, string>> {
  return numberFieldErrors(NUMBER_FIELDS, limits);
}

/** Editor for the risk limits of /api/config; saves only valid values. */
@Component({
  selector: 'ptp-risk-limits-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NumberFields],
  template: `
    <form class="form-grid" data-testid="risk-limits-form" (submit)="save($event)" novalidate>
      <ptp-number-fields
        prefix="risk"
        [fields]="fields"
        [values]="draft()"
        [errors]="errors()"
        (changed)="setNumber($event)"
      />
      @for (flag of flags; track flag.key) {
        <label class="check"
          ><input
            type="checkbox"
            [attr.data-testid]="flag.testId"
            [checked]="draft()[flag.key]"
            (change)="setFlag(flag.key, $event)"
          />
          {{ flag.label }}</label
        >
      }
      <button type="submit" class="btn" data-testid="risk-save" [disabled]="busy()">
        Save limits
      </button>
    </form>
  `,
})
export class RiskLimitsForm {
  readonly limits = input.required<RiskLimits>();
  readonly busy = input(false);
  readonly saved = output<RiskLimits>();

  protected readonly fields = NUMBER_FIELDS;
  protected readonly flags = FLAG_FIELDS;
  private readonly edits = signal<Partial<RiskLimits>>({});
  protected readonly draft = computed<RiskLimits>(() => ({ ...this.limits(), ...this.edits() }));
  protected readonly errors = computed(() => riskLimitErrors(this.draft()));

  protected setNumber({ key, value }: NumberFieldChange): void {
    this.edits.update((edits) => ({ ...edits, [key]: value }));
  }

  protected setFlag(key: FlagKey, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.edits.update((edits) => ({ ...edits, [key]: checked }));
  }

  protected save(event: Event): void {
    event.preventDefault();
    if (Object.keys(this.errors()).length > 0) return;
    this.saved.emit(this.draft());
    this.edits.set({});
  }
}
