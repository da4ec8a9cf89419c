import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  type ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { CreatedApiToken } from '@ptp/contracts';

type CopyState = 'idle' | 'copied' | 'failed';

/** The new token's secret, the only time the server ever sends it, with a way to copy it. */
@Component({
  selector: 'ptp-created-token-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="notice" role="alert" data-testid="token-shown-once">
      <strong>Shown once.</strong> Copy token “{{ token().name }}” now: it cannot be shown again. If
      it is lost, revoke it and create another.
    </div>
    <div class="secret">
      <label for="created-token" class="sr-only">Token {{ token().name }}</label>
      <input
        #secret
        id="created-token"
        readonly
        data-testid="created-token"
        [value]="token().token"
        (focus)="secret.select()"
      />
      <button type="button" class="btn" data-testid="token-copy" (click)="copy()">Copy</button>
      <button type="button" class="btn btn--ghost" data-testid="token-done" (click)="done.emit()">
        Done
      </button>
    </div>
    <p class="muted" role="status" data-testid="token-copy-state">
      @switch (copyState()) {
        @case ('copied') {
          Copied to the clipboard.
        }
        @case ('failed') {
          This browser would not copy: the token is selected, copy it by hand.
        }
      }
    </p>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
      margin-bottom: 0.6rem;
    }
    .secret {
      display: flex;
      gap: 0.4rem;
    }
    .secret input {
      flex: 1;
      color: var(--accent-2);
    }
    p {
      margin: 0;
      min-height: 1em;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
  `,
})
export class CreatedTokenPanel {
  private readonly document = inject(DOCUMENT);
  readonly token = input.required<CreatedApiToken>();
  readonly done = output<void>();
  protected readonly copyState = signal<CopyState>('idle');
  private readonly secret = viewChild.required<ElementRef<HTMLInputElement>>('secret');

  /** The Clipboard API needs a secure context (https or localhost); elsewhere the selected text is copied. */
  protected async copy(): Promise<void> {
    const input = this.secret().nativeElement;
    input.select();
    try {
      await navigator.clipboard.writeText(this.token().token);
      this.copyState.set('copied');
    } catch {
      this.copyState.set(this.document.execCommand?.('copy') ? 'copied' : 'failed');
    }
  }
}
