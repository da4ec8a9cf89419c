import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { RiskLimits } from '@ptp/contracts';

interface NumberField {
  readonly key: keyof RiskLimits;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly nullable?: boolean;
}

const NUMBER_FIELDS: readonly NumberField[] = [
  { key: 'maxPositionPct', label: 'Max position % of equity', min: 0.1, max: 100 },
  { key: 'maxOpenPositions', label: 'Max open positions', min: 1, max: 100 },
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
  const errors: Partial<Record<keyof RiskLimits, string>> = {};
  for (const field of NUMBER_FIELDS) {
    const value = limits[field.key] as number | null;
    if (value === null && field.nullable) continue;
    if (value === null || !Number.isFinite(value)) errors[field.key] = 'A number is required';
    else if (value < field.min || value > field.max)
      errors[field.key] = `Between ${field.min} and ${field.max}`;
  }
  if (!errors.maxOpenPositions && !Number.isInteger(limits.maxOpenPositions))
    errors.maxOpenPositions = 'Must be a whole number';
  return errors;
}

/** Editor for the risk limits of /api/config; saves only valid values. */
@Component({
  selector: 'ptp-risk-limits-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form-grid" data-testid="risk-limits-form" (submit)="save($event)" novalidate>
      @for (field of fields; track field.key) {
        <div class="field">
          <label [for]="'risk-' + field.key">{{ field.label }}</label>
          <input
            type="number"
            [id]="'risk-' + field.key"
            [attr.data-testid]="'risk-' + field.key"
            [value]="draft()[field.key] ?? ''"
            [placeholder]="field.nullable ? 'off' : ''"
            [class.invalid]="errors()[field.key]"
            (input)="setNumber(field, $event)"
          />
          @if (errors()[field.key]; as error) {
            <span class="error-text">{{ error }}</span>
          }
        </div>
      }
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
  styles: `
    .check {
      display: flex;
      gap: 0.3rem;
      align-items: center;
    }
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

  protected setNumber(field: NumberField, event: Event): void {
    const raw = (event.target as HTMLInputElement).value.trim();
    const value = raw === '' ? (field.nullable ? null : Number.NaN) : Number(raw);
    this.edits.update((edits) => ({ ...edits, [field.key]: value }));
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
