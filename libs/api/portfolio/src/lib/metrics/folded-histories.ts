import { ExpiringLru } from '@ptp/api/shared';
import type { DataSource } from 'typeorm';
import { FoldedHistory } from './folded-history';

/** Accounts whose history is kept folded; past this, the one asked for least recently is dropped. */
const MAX_ACCOUNTS = 64;

/**
 * Each account's `FoldedHistory`, caught up with the database on every call. Every instance of a
 * cluster folds from the shared database, so each answers the same. Calls for one account queue
 * behind each other, so a row is folded once.
 */
export class FoldedHistories {
  private readonly folds = new ExpiringLru<string, Promise<FoldedHistory>>(MAX_ACCOUNTS);

  constructor(private readonly dataSource: DataSource) {}

  of(accountId: string): Promise<FoldedHistory> {
    const kept = this.folds.get(accountId);
    const fresh = () => FoldedHistory.read(this.dataSource, accountId);
    const next = kept
      ? kept.then(
          async (history) => ((await history.catchUp(this.dataSource)) ? history : fresh()),
          fresh,
        )
      : fresh();
    this.folds.set(accountId, next, Infinity);
    return next;
  }
}
