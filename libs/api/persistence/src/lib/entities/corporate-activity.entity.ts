import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

/**
 * One split or dividend the engine booked on an account (a dividend twice: accrued on its ex-date,
 * paid on its pay date). The ledger is rebuilt from these rows and the fills, so they are
 * append-only; `activity` keeps the whole domain activity so a restart replays it exactly.
 */
@Entity({ name: 'corporate_activities' })
@Index(['accountId', 'time'])
export class CorporateActivityEntity {
  /** The engine's activity id (prefixed with the account id). */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'account_id', type: 'varchar', length: 64 })
  accountId!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: 'split' | 'dividend';

  @Column({ type: 'varchar', length: 16 })
  symbol!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  time!: number;

  /** The engine's fill counter when it booked this: the fills numbered up to it came first. */
  @Column({ name: 'fills_before', type: 'integer' })
  fillsBefore!: number;

  /** JSON of the domain's CorporateActivity. */
  @Column({ type: 'text' })
  activity!: string;
}
