import { Injectable, effect, signal } from '@angular/core';

const STORAGE_KEY = 'ptp.dashboard.accountId';

/** The paper account the dashboard shows; null means the server's default account. */
@Injectable({ providedIn: 'root' })
export class AccountContext {
  private readonly selected = signal<string | null>(
    globalThis.localStorage?.getItem(STORAGE_KEY) ?? null,
  );
  readonly accountId = this.selected.asReadonly();

  constructor() {
    effect(() => {
      const id = this.selected();
      if (id === null) globalThis.localStorage?.removeItem(STORAGE_KEY);
      else globalThis.localStorage?.setItem(STORAGE_KEY, id);
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
