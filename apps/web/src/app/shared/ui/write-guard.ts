import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Auth } from '../../core/auth/auth.service';

/**
 * Wraps controls that change something. For a viewer they are disabled (a disabled fieldset disables every
 * control inside, however deep) with a tooltip saying why; the wrapper adds no box of its own to the layout.
 */
@Component({
  selector: 'ptp-write-guard',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset
      class="guard"
      [disabled]="auth.readOnly()"
      [attr.title]="auth.readOnly() ? reason() : null"
      [attr.data-read-only]="auth.readOnly()"
    >
      <ng-content />
    </fieldset>
  `,
  styles: `
    :host,
    .guard {
      display: contents;
    }
    .guard {
      border: 0;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
  `,
})
export class WriteGuard {
  protected readonly auth = inject(Auth);
  /** What the guarded controls do, e.g. "place orders". */
  readonly action = input.required<string>();
  protected readonly reason = computed(
    () => `Read-only: a viewer cannot ${this.action()}; that needs the trader or admin role`,
  );
}
