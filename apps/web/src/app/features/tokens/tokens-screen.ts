import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { ApiTokenSummary, CreatedApiToken, Role } from '@ptp/contracts';
import { ROLES } from '@ptp/contracts';
import { AccountsApi } from '../../core/api/accounts-api.service';
import { type NewToken, TokensApi } from '../../core/api/tokens-api.service';
import { Auth, roleAtLeast } from '../../core/auth/auth.service';
import { FORMAT_PIPES } from '../../core/format/format.pipes';
import { pollResource } from '../../core/polling/poll-resource';
import { sameJson } from '../../core/state/same-json';
import { serverAction } from '../../core/state/server-action';
import { ConfirmButton } from '../../shared/ui/confirm-button';
import { CreatedTokenPanel } from './created-token-panel';

/** API tokens for bots: the caller's own (an admin's view holds everyone's), created and revoked here. */
@Component({
  selector: 'ptp-tokens-screen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORMAT_PIPES, ConfirmButton, CreatedTokenPanel],
  templateUrl: './tokens-screen.html',
})
export class TokensScreen {
  private readonly api = inject(TokensApi);
  private readonly accountsApi = inject(AccountsApi);
  private readonly auth = inject(Auth);
  protected readonly tokens = pollResource(() => this.api.list(), { equal: sameJson });
  protected readonly accounts = pollResource(() => this.accountsApi.list(), { equal: sameJson });

  /** A token never gets more than its creator has. */
  protected readonly roles = computed(() =>
    ROLES.filter((role) => roleAtLeast(this.auth.role(), role)),
  );
  protected readonly name = signal('');
  protected readonly accountId = signal('');
  protected readonly role = signal<Role | ''>('');
  private readonly action = serverAction();
  protected readonly busy = this.action.busy;
  protected readonly failure = this.action.failure;
  protected readonly created = signal<CreatedApiToken | null>(null);

  protected accountName(token: ApiTokenSummary): string {
    if (token.accountId === null) return 'any';
    return this.accounts.value()?.find((a) => a.id === token.accountId)?.name ?? token.accountId;
  }

  protected create(event: Event): void {
    event.preventDefault();
    const name = this.name().trim();
    if (!name || this.busy()) return;
    const accountId = this.accountId();
    const role = this.role();
    const request: NewToken = {
      name,
      ...(accountId ? { accountId } : {}),
      ...(role ? { role } : {}),
    };
    this.action.run(this.api.create(request), `Token ${name} created.`, (token) => {
      this.created.set(token);
      this.name.set('');
      this.tokens.refresh();
    });
  }

  protected revoke(token: ApiTokenSummary): void {
    this.action.run(this.api.revoke(token.id), `Token ${token.name} revoked.`, () => {
      if (this.created()?.id === token.id) this.created.set(null);
      this.tokens.refresh();
    });
  }

  protected setRole(event: Event): void {
    const value = this.text(event);
    this.role.set(ROLES.find((role) => role === value) ?? '');
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
