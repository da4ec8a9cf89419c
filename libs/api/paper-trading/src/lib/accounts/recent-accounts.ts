import type { AccountEntity } from '@ptp/api/persistence';

/**
 * Accounts found by id in the last `maxAgeMs`. Every polled read names an account, and its row only
 * changes when the account is deleted (or its owner user is): a deletion here is forgotten at once,
 * one on another instance of a cluster is seen within `maxAgeMs`. Only accounts that exist are
 * kept, so the map is bounded by the accounts table.
 */
export class RecentAccounts {
  private readonly found = new Map<
    string,
    { readonly account: AccountEntity; readonly at: number }
  >();

  constructor(
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(id: string): AccountEntity | undefined {
    const entry = this.found.get(id);
    if (!entry) return undefined;
    if (this.now() - entry.at < this.maxAgeMs) return entry.account;
    this.found.delete(id);
    return undefined;
  }

  /** Frozen, so a caller that changed the shared row would fail loudly instead of lying to others. */
  remember(account: AccountEntity): AccountEntity {
    const frozen = Object.freeze({ ...account });
    this.found.set(account.id, { account: frozen, at: this.now() });
    return frozen;
  }

  forget(id: string): void {
    this.found.delete(id);
  }
}
