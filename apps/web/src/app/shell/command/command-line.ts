import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { Router } from '@angular/router';
import { CommandRequests } from '../../core/state/command-requests.service';
import { type TerminalCommand, parseCommand } from './command-parser';

const HISTORY_SIZE = 50;

function typingInField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return (
    !!element && (/^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName) || element.isContentEditable)
  );
}

/** The terminal's command line: `/` focuses it; Enter runs a command, up/down walk the history. */
@Component({
  selector: 'ptp-command-line',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onDocumentKey($event)' },
  template: `
    <div class="cmd">
      <label for="command-input" class="cmd__label">CMD /</label>
      <input
        #input
        id="command-input"
        data-testid="command-input"
        autocomplete="off"
        spellcheck="false"
        placeholder="AAPL · BUY AAPL 10 · SELL MSFT $25 · START mixed · STOP · BT NVDA 2024-01-01 2024-06-30"
        aria-keyshortcuts="/"
        [attr.aria-invalid]="error() ? 'true' : null"
        [attr.aria-describedby]="error() ? 'command-error' : null"
        [value]="text()"
        (input)="edit($event)"
        (keydown)="onKey($event)"
      />
      @if (error(); as message) {
        <span id="command-error" class="cmd__error" role="alert" data-testid="command-error">{{
          message
        }}</span>
      }
    </div>
  `,
  styles: `
    .cmd {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      padding: 0.2rem 0.5rem;
      border-bottom: 1px solid var(--line);
    }
    .cmd__label {
      color: var(--accent);
      font-weight: 700;
      white-space: nowrap;
    }
    input {
      flex: 1 1 auto;
      min-width: 0;
    }
    .cmd__error {
      color: var(--loss);
      flex: 0 1 auto;
    }
  `,
})
export class CommandLine {
  private readonly router = inject(Router);
  private readonly requests = inject(CommandRequests);
  private readonly input = viewChild.required<ElementRef<HTMLInputElement>>('input');

  protected readonly text = signal('');
  protected readonly error = signal<string | null>(null);
  private readonly history: string[] = [];
  /** Index into the history while walking it; history.length means the line being typed. */
  private cursor = 0;

  protected onDocumentKey(event: KeyboardEvent): void {
    if (event.key !== '/' || event.altKey || event.ctrlKey || event.metaKey) return;
    if (typingInField(event.target)) return;
    event.preventDefault();
    this.input().nativeElement.focus();
  }

  protected edit(event: Event): void {
    this.text.set((event.target as HTMLInputElement).value);
    this.error.set(null);
  }

  protected onKey(event: KeyboardEvent): void {
    if (event.key === 'Enter') this.run();
    else if (event.key === 'ArrowUp') this.walk(-1, event);
    else if (event.key === 'ArrowDown') this.walk(1, event);
    else if (event.key === 'Escape') this.input().nativeElement.blur();
  }

  private walk(step: number, event: KeyboardEvent): void {
    if (this.history.length === 0) return;
    event.preventDefault();
    this.cursor = Math.min(Math.max(this.cursor + step, 0), this.history.length);
    this.show(this.history[this.cursor] ?? '');
    this.error.set(null);
  }

  /**
   * Also writes the field itself: keystrokes change it without a render in between, so the binding
   * may still hold the value it last rendered, and setting that value again would change nothing.
   */
  private show(line: string): void {
    this.text.set(line);
    this.input().nativeElement.value = line;
  }

  private run(): void {
    const line = this.text().trim();
    const result = parseCommand(line);
    if (line !== '' && this.history[this.history.length - 1] !== line) {
      this.history.push(line);
      if (this.history.length > HISTORY_SIZE) this.history.shift();
    }
    this.cursor = this.history.length;
    if (!result.ok) return this.error.set(result.error);
    this.error.set(null);
    this.show('');
    this.execute(result.command);
  }

  private execute(command: TerminalCommand): void {
    switch (command.kind) {
      case 'chart':
        void this.router.navigate(['/chart', command.symbol]);
        return;
      case 'order':
        this.requests.ticket.set(command);
        void this.router.navigate(['/activity']);
        return;
      case 'start':
      case 'stop':
        this.requests.session.set(command);
        void this.router.navigate(['/controls']);
        return;
      case 'backtest':
        this.requests.backtest.set(command);
        void this.router.navigate(['/backtest']);
    }
  }
}
