import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { formatTimestamp } from '../core/format/format';
import { Auth } from '../core/auth/auth.service';
import { PageNavigation } from '../core/auth/page-navigation';

/** Who is signed in, with what role, and the way out; in local mode only a marker that no login is needed. */
@Component({
  selector: 'ptp-user-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (auth.mode() === 'local') {
      <span
        class="muted"
        data-testid="auth-local"
        title="Local mode: this server trusts every caller on this machine, no login needed"
        >LOCAL</span
      >
    } @else if (auth.user(); as user) {
      <span class="item" role="group" aria-label="Signed-in user" data-testid="user-menu">
        <span class="muted">USER</span>
        <span class="accent" data-testid="user-name" [attr.title]="sessionEnd()">{{
          user.name
        }}</span>
        <span class="role" data-testid="user-role">{{ user.role.toUpperCase() }}</span>
        @if (auth.readOnly()) {
          <span class="warn" title="Viewers only read: every control that changes something is off"
            >READ-ONLY</span
          >
        }
        <button
          type="button"
          class="btn btn--ghost btn--small"
          data-testid="logout"
          [disabled]="leaving()"
          (click)="logout()"
        >
          Logout
        </button>
      </span>
    }
  `,
  styles: `
    .item {
      display: inline-flex;
      gap: 0.35rem;
      align-items: baseline;
    }
    .role {
      border: 1px solid var(--line);
      padding: 0 0.3rem;
      font-size: 10px;
      letter-spacing: 0.05em;
    }
  `,
})
export class UserMenu {
  protected readonly auth = inject(Auth);
  private readonly page = inject(PageNavigation);
  protected readonly leaving = signal(false);
  protected readonly sessionEnd = computed(() => {
    const expiresAt = this.auth.me().expiresAt;
    return expiresAt ? `Logged in until ${formatTimestamp(expiresAt)} UTC` : null;
  });

  /**
   * A full page load afterwards, so nothing this user saw stays in memory for the next one; also when the
   * server could not be told, since the login screen then finds out whether the session still stands.
   */
  protected logout(): void {
    this.leaving.set(true);
    const leave = () => this.page.load('/login');
    this.auth.logout().subscribe({ complete: leave, error: leave });
  }
}
