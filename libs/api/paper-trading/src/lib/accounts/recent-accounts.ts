import type { AccountEntity } from '@ptp/api/persistence';
import { ExpiringLru, type LruClock } from '@ptp/api/shared';

/** Far more accounts than a server holds; only found accounts are kept. */
const MAX_REMEMBERED = 1024;

/**
 * Accounts found by id in the last `maxAgeMs`. Every polled read names an account, and its row only
 * changes when the account is deleted (or its owner user is): a deletion here is forgotten at once,
 * one on another instance of a cluster is seen within `maxAgeMs`.
 */
export class RecentAccounts {
  private readonly found: ExpiringLru<string, AccountEntity>;

  constructor(
    private readonly maxAgeMs: number,
    clock?: LruClock,
  ) {
    this.found = new ExpiringLru(MAX_REMEMBERED, clock);
  }

  get(id: string): AccountEntity | undefined {
    return this.found.get(id);
  }

  /** Frozen, so a caller that changed the shared row would fail loudly instead of lying to others. */
  remember(account: AccountEntity): AccountEntity {
    const frozen = Object.freeze({ ...account });
    this.found.set(account.id, frozen, this.maxAgeMs);
    return frozen;
  }

  forget(id: string): void {
    this.found.delete(id);
  }
}
