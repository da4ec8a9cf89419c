import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { ROLES, type Role } from '@ptp/contracts';
import type { NewUser } from '../../core/api/users-api.service';

/** Name, role and first password of a new dashboard user. */
@Component({
  selector: 'ptp-new-user-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form-row" (submit)="submit($event)" novalidate>
      <div class="field">
        <label for="user-name">New user</label
        ><input
          id="user-name"
          data-testid="user-name-input"
          autocomplete="off"
          [value]="name()"
          (input)="name.set(text($event))"
        />
      </div>
      <div class="field">
        <label for="user-role">Role</label>
        <select id="user-role" data-testid="user-role-input" (change)="role.set(roleOf($event))">
          @for (r of roles; track r) {
            <option [value]="r" [selected]="r === role()">{{ r }}</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="user-password">Password</label
        ><input
          id="user-password"
          type="password"
          autocomplete="new-password"
          data-testid="user-password-input"
          [value]="password()"
          (input)="password.set(text($event))"
        />
      </div>
      <button
        type="submit"
        class="btn"
        data-testid="user-add"
        [disabled]="busy() || !name().trim() || !password()"
      >
        Add
      </button>
    </form>
  `,
})
export class NewUserForm {
  readonly busy = input(false);
  readonly added = output<NewUser>();
  protected readonly roles = ROLES;
  protected readonly name = signal('');
  protected readonly role = signal<Role>('trader');
  protected readonly password = signal('');

  /** The parent calls this once the server took the user, so a rejected one can be corrected in place. */
  clear(): void {
    this.name.set('');
    this.password.set('');
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const name = this.name().trim();
    if (!name || !this.password() || this.busy()) return;
    this.added.emit({ name, role: this.role(), password: this.password() });
  }

  protected roleOf(event: Event): Role {
    const value = this.text(event);
    return ROLES.find((role) => role === value) ?? 'viewer';
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
