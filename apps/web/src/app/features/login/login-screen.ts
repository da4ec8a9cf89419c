import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { ApiFailure } from '../../core/api/api-failure';
import { safeReturnUrl } from '../../core/auth/access';
import { Auth } from '../../core/auth/auth.service';
import { Now } from '../../core/state/now.service';

/** The one thing a failed login says, whatever was wrong: no hint whether the user exists. */
export const INVALID_CREDENTIALS_TEXT = 'invalid credentials';

type LoginProblem =
  | { readonly kind: 'invalid' }
  | { readonly kind: 'throttled'; readonly retryAt: number | null }
  | { readonly kind: 'other'; readonly message: string };

function retryAfterSec(failure: ApiFailure): number | null {
  const seconds = (failure.details as { retryAfterSec?: unknown } | undefined)?.retryAfterSec;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : null;
}

@Component({
  selector: 'ptp-login-screen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-screen.html',
  styles: `
    :host {
      display: block;
      max-width: 340px;
      margin: 12vh auto 0;
    }
    .brand {
      color: var(--accent);
      font-weight: 700;
      letter-spacing: 0.1em;
      margin-bottom: 0.4rem;
    }
    .title {
      margin: 0;
      font: inherit;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .alert,
    .notice {
      margin: 0;
    }
  `,
})
export class LoginScreen {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly now = inject(Now);

  /** Bound from `?returnUrl=`: where the visitor was sent here from. */
  readonly returnUrl = input<string>();

  protected readonly username = signal('');
  protected readonly password = signal('');
  protected readonly busy = signal(false);
  private readonly problem = signal<LoginProblem | null>(null);

  /** Seconds left before the server takes another attempt, while throttled. */
  protected readonly waitSec = computed(() => {
    const problem = this.problem();
    if (problem?.kind !== 'throttled' || problem.retryAt === null) return 0;
    return Math.max(0, Math.ceil((problem.retryAt - this.now.ms()) / 1000));
  });
  protected readonly message = computed(() => {
    const problem = this.problem();
    if (!problem) return null;
    if (problem.kind === 'invalid') return INVALID_CREDENTIALS_TEXT;
    if (problem.kind === 'other') return `Login failed: ${problem.message}`;
    if (problem.retryAt === null) return 'Too many login attempts. Try again later.';
    const wait = this.waitSec();
    return wait > 0
      ? `Too many login attempts. Try again in ${wait} s.`
      : 'Too many login attempts. You may try again now.';
  });
  protected readonly canSubmit = computed(
    () => !this.busy() && this.waitSec() === 0 && !!this.username().trim() && !!this.password(),
  );

  protected submit(event: Event): void {
    event.preventDefault();
    if (!this.canSubmit()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.auth.login({ username: this.username().trim(), password: this.password() }).subscribe({
      next: () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
      error: (failure: ApiFailure) => {
        this.busy.set(false);
        this.password.set('');
        this.problem.set(this.describe(failure));
      },
    });
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  private describe(failure: ApiFailure): LoginProblem {
    if (failure.httpStatus === 401) return { kind: 'invalid' };
    if (failure.httpStatus === 429) {
      const seconds = retryAfterSec(failure);
      return { kind: 'throttled', retryAt: seconds === null ? null : Date.now() + seconds * 1000 };
    }
    return { kind: 'other', message: failure.message };
  }
}
