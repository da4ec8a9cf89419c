import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** One numeric setting of a form: its bounds, and whether empty means "off" (null). */
export interface NumberFieldSpec<K extends string = string> {
  readonly key: K;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly nullable?: boolean;
  readonly integer?: boolean;
}

export interface NumberFieldChange<K extends string = string> {
  readonly key: K;
  /** null when a nullable field is emptied; NaN when a required one is. */
  readonly value: number | null;
}

/** What is wrong with each field's value, by key; empty when every value may be saved. */
export function numberFieldErrors<K extends string>(
  fields: readonly NumberFieldSpec<K>[],
  values: Readonly<Record<K, unknown>>,
): Partial<Record<K, string>> {
  const errors: Partial<Record<K, string>> = {};
  for (const field of fields) {
    const value = values[field.key] as number | null;
    if (value === null && field.nullable) continue;
    if (value === null || !Number.isFinite(value)) errors[field.key] = 'A number is required';
    else if (value < field.min || value > field.max)
      errors[field.key] = `Between ${field.min} and ${field.max}`;
    else if (field.integer && !Number.isInteger(value))
      errors[field.key] = 'Must be a whole number';
  }
  return errors;
}

/** Labelled number inputs with their errors: the numeric part of the settings forms. */
@Component({
  selector: 'ptp-number-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `
    @for (field of fields(); track field.key) {
      <div class="field">
        <label [for]="prefix() + '-' + field.key">{{ field.label }}</label>
        <input
          type="number"
          [id]="prefix() + '-' + field.key"
          [attr.data-testid]="prefix() + '-' + field.key"
          [value]="valueOf(field.key) ?? ''"
          [placeholder]="field.nullable ? 'off' : ''"
          [class.invalid]="errors()[field.key]"
          (input)="edit(field, $event)"
        />
        @if (errors()[field.key]; as error) {
          <span class="error-text">{{ error }}</span>
        }
      </div>
    }
  `,
})
export class NumberFields {
  readonly fields = input.required<readonly NumberFieldSpec[]>();
  /** The form's draft; only the fields' keys are read. */
  readonly values = input.required<object>();
  readonly errors = input<Readonly<Record<string, string | undefined>>>({});
  /** Starts every input's id and test id: `<prefix>-<key>`. */
  readonly prefix = input.required<string>();
  readonly changed = output<NumberFieldChange>();

  protected valueOf(key: string): unknown {
    return (this.values() as Record<string, unknown>)[key];
  }

  protected edit(field: NumberFieldSpec, event: Event): void {
    const raw = (event.target as HTMLInputElement).value.trim();
    const value = raw === '' ? (field.nullable ? null : Number.NaN) : Number(raw);
    this.changed.emit({ key: field.key, value });
  }
}
