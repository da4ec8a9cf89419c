import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { StrategyInfo } from '@ptp/contracts';

export type ParamValues = Readonly<Record<string, number>>;

/** Per-parameter error messages for values outside the schema's bounds or its orderings (fast < slow). */
export function paramErrors(
  strategy: StrategyInfo | undefined,
  values: ParamValues,
): Record<string, string> {
  if (!strategy) return {};
  const errors: Record<string, string> = {};
  for (const field of strategy.params) {
    const value = values[field.key] ?? field.default;
    if (!Number.isFinite(value)) errors[field.key] = 'A number is required';
    else if (field.type === 'integer' && !Number.isInteger(value))
      errors[field.key] = 'Must be a whole number';
    else if (value < field.min || value > field.max)
      errors[field.key] = `Between ${field.min} and ${field.max}`;
  }
  for (const { lesser, greater } of strategy.orderings) {
    if (!errors[lesser] && (values[lesser] ?? 0) >= (values[greater] ?? 0))
      errors[lesser] = `Must be below ${greater}`;
  }
  return errors;
}

/** The defaults of a strategy's parameters, overlaid with saved values. */
export function initialParams(strategy: StrategyInfo, saved: ParamValues = {}): ParamValues {
  return Object.fromEntries(strategy.params.map((p) => [p.key, saved[p.key] ?? p.default]));
}

/** A form generated from the parameter schema that /api/strategies publishes. */
@Component({
  selector: 'ptp-strategy-params-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="form-grid" data-testid="strategy-params">
      @for (field of strategy().params; track field.key) {
        <div class="field" [attr.title]="field.description">
          <label [for]="idPrefix() + field.key">{{ field.label }}</label>
          <input
            type="number"
            [id]="idPrefix() + field.key"
            [attr.data-testid]="'param-' + field.key"
            [min]="field.min"
            [max]="field.max"
            [step]="field.type === 'integer' ? 1 : 'any'"
            [value]="values()[field.key]"
            [class.invalid]="errors()[field.key]"
            [disabled]="disabled()"
            (input)="update(field.key, $event)"
          />
          @if (errors()[field.key]; as error) {
            <span class="error-text">{{ error }}</span>
          }
        </div>
      }
    </div>
  `,
})
export class StrategyParamsForm {
  readonly strategy = input.required<StrategyInfo>();
  readonly values = input.required<ParamValues>();
  readonly idPrefix = input('param-');
  readonly disabled = input(false);
  /** One edited parameter; the owner merges it, so quick successive edits never overwrite each other. */
  readonly paramChange = output<{ readonly key: string; readonly value: number }>();

  protected readonly errors = computed(() => paramErrors(this.strategy(), this.values()));

  protected update(key: string, event: Event): void {
    const raw = (event.target as HTMLInputElement).value;
    this.paramChange.emit({ key, value: raw.trim() === '' ? Number.NaN : Number(raw) });
  }
}
