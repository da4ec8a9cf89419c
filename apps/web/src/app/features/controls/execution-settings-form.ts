import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import {
  LIMIT_FILL_RULE_VALUES,
  type LimitFillRuleName,
  type RuntimeConfig,
  type RuntimeConfigPatch,
} from '@ptp/contracts';
import {
  NumberFields,
  numberFieldErrors,
  type NumberFieldChange,
  type NumberFieldSpec,
} from '../../shared/ui/number-fields';

/** The fill-realism and cost settings of an account, flat for the form. */
export interface ExecutionDraft {
  readonly maxVolumePct: number | null;
  readonly limitFillRule: LimitFillRuleName;
  readonly slippageBps: number;
  readonly percent: number;
  readonly perShare: number;
  readonly perShareMinimum: number;
  readonly flat: number;
  readonly regulatory: boolean;
}

type NumberKey = Exclude<keyof ExecutionDraft, 'limitFillRule' | 'regulatory'>;

// Bounds as the server validates them (platform-config.schema.ts).
const NUMBER_FIELDS: readonly NumberFieldSpec<NumberKey>[] = [
  { key: 'maxVolumePct', label: 'Max % of bar volume', min: 0.000001, max: 100, nullable: true },
  { key: 'slippageBps', label: 'Slippage (bps)', min: 0, max: 1000 },
  { key: 'perShare', label: 'Fee $ per share', min: 0, max: 1 },
  { key: 'perShareMinimum', label: 'Per-share minimum $', min: 0, max: 100 },
  { key: 'flat', label: 'Fee $ per order', min: 0, max: 100 },
  { key: 'percent', label: 'Fee % of notional', min: 0, max: 10 },
];

export function executionDraft(config: RuntimeConfig): ExecutionDraft {
  const { maxVolumePct, limitFillRule } = config.execution;
  const { percent, perShare, perShareMinimum, flat, regulatory } = config.fees;
  const { slippageBps } = config;
  return {
    maxVolumePct,
    limitFillRule,
    slippageBps,
    percent,
    perShare,
    perShareMinimum,
    flat,
    regulatory,
  };
}

export function executionPatch(draft: ExecutionDraft): RuntimeConfigPatch {
  const { maxVolumePct, limitFillRule, slippageBps, ...fees } = draft;
  return { execution: { maxVolumePct, limitFillRule }, slippageBps, fees };
}

export function executionErrors(draft: ExecutionDraft): Partial<Record<NumberKey, string>> {
  return numberFieldErrors(NUMBER_FIELDS, draft);
}

/** Editor for volume-aware fills, the limit fill rule, slippage and commissions of /api/config. */
@Component({
  selector: 'ptp-execution-settings-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NumberFields],
  template: `
    <form class="form-grid" data-testid="execution-form" (submit)="save($event)" novalidate>
      <ptp-number-fields
        prefix="execution"
        [fields]="fields"
        [values]="draft()"
        [errors]="errors()"
        (changed)="setNumber($event)"
      />
      <div class="field">
        <label for="execution-limitFillRule">Limit fills on</label>
        <select
          id="execution-limitFillRule"
          data-testid="execution-limitFillRule"
          [value]="draft().limitFillRule"
          (change)="setRule($event)"
        >
          @for (rule of rules; track rule) {
            <option [value]="rule">{{ rule === 'touch' ? 'Touch' : 'Trade through' }}</option>
          }
        </select>
      </div>
      <label class="check"
        ><input
          type="checkbox"
          data-testid="execution-regulatory"
          [checked]="draft().regulatory"
          (change)="setRegulatory($event)"
        />
        SEC + TAF fees on sells</label
      >
      <button type="submit" class="btn" data-testid="execution-save" [disabled]="busy()">
        Save execution
      </button>
    </form>
  `,
})
export class ExecutionSettingsForm {
  readonly config = input.required<RuntimeConfig>();
  readonly busy = input(false);
  readonly saved = output<RuntimeConfigPatch>();

  protected readonly fields = NUMBER_FIELDS;
  protected readonly rules = LIMIT_FILL_RULE_VALUES;
  private readonly edits = signal<Partial<ExecutionDraft>>({});
  protected readonly draft = computed<ExecutionDraft>(() => ({
    ...executionDraft(this.config()),
    ...this.edits(),
  }));
  protected readonly errors = computed(() => executionErrors(this.draft()));

  protected setNumber({ key, value }: NumberFieldChange): void {
    this.edits.update((edits) => ({ ...edits, [key]: value }));
  }

  protected setRule(event: Event): void {
    const limitFillRule = (event.target as HTMLSelectElement).value as LimitFillRuleName;
    this.edits.update((edits) => ({ ...edits, limitFillRule }));
  }

  protected setRegulatory(event: Event): void {
    const regulatory = (event.target as HTMLInputElement).checked;
    this.edits.update((edits) => ({ ...edits, regulatory }));
  }

  protected save(event: Event): void {
    event.preventDefault();
    if (Object.keys(this.errors()).length > 0) return;
    this.saved.emit(executionPatch(this.draft()));
    this.edits.set({});
  }
}
