import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { ROLES, type Role, type UserSummary } from '@ptp/contracts';
import type { Observable } from 'rxjs';
import { type NewUser, UsersApi } from '../../core/api/users-api.service';
import { Auth } from '../../core/auth/auth.service';
import { FORMAT_PIPES } from '../../core/format/format.pipes';
import { pollResource } from '../../core/polling/poll-resource';
import { sameJson } from '../../core/state/same-json';
import { serverAction } from '../../core/state/server-action';
import { ConfirmButton } from '../../shared/ui/confirm-button';
import { NewUserForm } from './new-user-form';

/** Dashboard users, for admins: add, change a role, set a new password, remove. */
@Component({
  selector: 'ptp-users-screen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORMAT_PIPES, ConfirmButton, NewUserForm],
  templateUrl: './users-screen.html',
  styles: `
    .actions {
      display: flex;
      gap: 0.3rem;
      align-items: center;
      flex-wrap: wrap;
    }
  `,
})
export class UsersScreen {
  private readonly api = inject(UsersApi);
  private readonly auth = inject(Auth);
  private readonly form = viewChild.required(NewUserForm);
  protected readonly users = pollResource(() => this.api.list(), { equal: sameJson });
  protected readonly roles = ROLES;
  protected readonly me = computed(() => this.auth.user()?.name ?? null);

  /** Roles picked in a row but not saved yet, by user name. */
  protected readonly pendingRoles = signal<Readonly<Record<string, Role>>>({});
  /** The user whose password is being reset, with the new password typed so far. */
  protected readonly resetting = signal<{
    readonly name: string;
    readonly password: string;
  } | null>(null);
  private readonly action = serverAction();
  protected readonly busy = this.action.busy;
  protected readonly failure = this.action.failure;
  protected readonly message = this.action.message;

  protected roleOf(user: UserSummary): Role {
    return this.pendingRoles()[user.name] ?? user.role;
  }

  protected pickRole(user: UserSummary, event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    const role = ROLES.find((r) => r === value) ?? user.role;
    this.pendingRoles.update((pending) => ({ ...pending, [user.name]: role }));
  }

  protected add(user: NewUser): void {
    this.act(this.api.create(user), `User ${user.name} added.`, () => this.form().clear());
  }

  protected saveRole(user: UserSummary): void {
    const role = this.roleOf(user);
    this.act(this.api.update(user.name, { role }), `${user.name} is now ${role}.`, () =>
      this.pendingRoles.update(({ [user.name]: _saved, ...rest }) => rest),
    );
  }

  protected setPassword(event: Event): void {
    event.preventDefault();
    const reset = this.resetting();
    if (!reset?.password) return;
    this.act(
      this.api.update(reset.name, { password: reset.password }),
      `Password of ${reset.name} changed.`,
      () => this.resetting.set(null),
    );
  }

  protected typePassword(event: Event): void {
    const password = (event.target as HTMLInputElement).value;
    this.resetting.update((reset) => (reset ? { ...reset, password } : reset));
  }

  protected remove(user: UserSummary): void {
    this.act(this.api.remove(user.name), `User ${user.name} removed.`);
  }

  private act(request: Observable<unknown>, done: string, after?: () => void): void {
    this.action.run(request, done, () => {
      after?.();
      this.users.refresh();
    });
  }
}
