import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';

/** A button that asks "sure?" inline before it acts: no modal, keyboard-reachable, two deliberate clicks. */
@Component({
  selector: 'ptp-confirm-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (asking()) {
      <span class="ask" role="group" [attr.aria-label]="question()">
        <span class="warn">{{ question() }}</span>
        <button
          type="button"
          class="btn"
          [class.btn--danger]="danger()"
          [attr.data-testid]="testId() + '-confirm'"
          (click)="confirm()"
        >
          Yes
        </button>
        <button
          type="button"
          class="btn btn--ghost"
          [attr.data-testid]="testId() + '-cancel'"
          (click)="asking.set(false)"
        >
          No
        </button>
      </span>
    } @else {
      <button
        type="button"
        class="btn"
        [class.btn--danger]="danger()"
        [disabled]="disabled()"
        [attr.data-testid]="testId()"
        (click)="asking.set(true)"
      >
        {{ label() }}
      </button>
    }
  `,
  styles: `
    .ask {
      display: inline-flex;
      gap: 0.4rem;
      align-items: center;
    }
  `,
})
export class ConfirmButton {
  readonly label = input.required<string>();
  readonly question = input('Are you sure?');
  readonly testId = input.required<string>();
  readonly danger = input(false);
  readonly disabled = input(false);
  readonly confirmed = output<void>();

  protected readonly asking = signal(false);

  /** Opens the question, as the first click does (the command line prepares an action this way). */
  ask(): void {
    if (!this.disabled()) this.asking.set(true);
  }

  protected confirm(): void {
    this.asking.set(false);
    this.confirmed.emit();
  }
}
