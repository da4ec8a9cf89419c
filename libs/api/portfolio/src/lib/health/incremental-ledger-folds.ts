import { PaperTradeEntity } from '@ptp/api/persistence';
import { DataSource, MoreThanOrEqual } from 'typeorm';
import { foldFills, foldMore, type FoldedLedger } from './ledger-fold';

interface AccountFold {
  readonly startingCapital: string;
  readonly ledger: FoldedLedger;
  /** A fill folded in: a reset deletes every fill, so its absence means "start over". */
  readonly witnessId: string | null;
  readonly lastTime: number;
  readonly idsAtLastTime: ReadonlySet<string>;
}

const ORDER = { executedAt: 'ASC', id: 'ASC' } as const;

/**
 * Each account's fold of its fills, kept between health checks and extended with the fills written
 * since, so a check reads only what is new rather than the whole history. Fills are append-only; a
 * reset (which deletes them all) or a different starting capital starts the fold over.
 */
export class IncrementalLedgerFolds {
  private readonly folds = new Map<string, AccountFold>();

  constructor(private readonly dataSource: DataSource) {}

  /** The fold over every fill, and whether it was extended from a kept one (rather than rebuilt). */
  async fold(
    accountId: string,
    startingCapital: string,
  ): Promise<{ ledger: FoldedLedger; extended: boolean }> {
    const kept = await this.usable(accountId, startingCapital);
    const fills = this.dataSource.getRepository(PaperTradeEntity);
    const rows = kept
      ? await fills.find({
          where: { accountId, executedAt: MoreThanOrEqual(kept.lastTime) },
          order: ORDER,
        })
      : await fills.find({ where: { accountId }, order: ORDER });
    const fresh = kept
      ? rows.filter((r) => r.executedAt !== kept.lastTime || !kept.idsAtLastTime.has(r.id))
      : rows;
    const ledger = kept ? foldMore(kept.ledger, fresh) : foldFills(startingCapital, fresh);
    const last = rows[rows.length - 1];
    const lastTime = last?.executedAt ?? kept?.lastTime ?? 0;
    const atLast = rows.filter((r) => r.executedAt === lastTime).map((r) => r.id);
    this.folds.set(accountId, {
      startingCapital,
      ledger,
      witnessId: kept?.witnessId ?? rows[0]?.id ?? null,
      lastTime,
      idsAtLastTime: new Set(
        kept && lastTime === kept.lastTime ? [...kept.idsAtLastTime, ...atLast] : atLast,
      ),
    });
    return { ledger, extended: kept !== null };
  }

  /** Forgets an account's fold, so the next check folds every fill again. */
  forget(accountId: string): void {
    this.folds.delete(accountId);
  }

  private async usable(accountId: string, startingCapital: string): Promise<AccountFold | null> {
    const kept = this.folds.get(accountId);
    if (!kept || kept.startingCapital !== startingCapital) return null;
    if (kept.witnessId === null) return null;
    const present = await this.dataSource
      .getRepository(PaperTradeEntity)
      .existsBy({ id: kept.witnessId, accountId });
    return present ? kept : null;
  }
}
