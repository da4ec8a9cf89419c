import { Injectable, computed, effect, inject, linkedSignal } from '@angular/core';
import { Auth } from '../auth/auth.service';

const STORAGE_KEY = 'ptp.dashboard.accountId';

/**
 * The paper account the dashboard shows; null means the server's default account. Remembered per user, so
 * the next user of this browser does not start on an account that is not theirs.
 */
@Injectable({ providedIn: 'root' })
export class AccountContext {
  private readonly auth = inject(Auth);
  private readonly storageKey = computed(() => {
    const user = this.auth.user()?.name;
    return user ? `${STORAGE_KEY}:${user}` : STORAGE_KEY;
  });
  private readonly selected = linkedSignal<string | null>(
    () => globalThis.localStorage?.getItem(this.storageKey()) ?? null,
  );
  readonly accountId = this.selected.asReadonly();

  constructor() {
    effect(() => {
      const id = this.selected();
      const key = this.storageKey();
      if (id === null) globalThis.localStorage?.removeItem(key);
      else globalThis.localStorage?.setItem(key, id);
    });
  }

  select(accountId: string | null): void {
    this.selected.set(accountId);
  }

  /** Query parameters that scope a request to the selected account. */
  query(): { accountId?: string } {
    const id = this.selected();
    return id === null ? {} : { accountId: id };
  }
}
