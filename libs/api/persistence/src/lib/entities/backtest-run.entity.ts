import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

/**
 * One backtest submitted over REST; `request` and `report` are JSON text. A CSV run's bars live in
 * backtest_uploads (`uploadId`), so the row stays small whatever the file's size.
 */
@Entity({ name: 'backtest_runs' })
@Index('IDX_backtest_runs_upload_id', ['uploadId'])
export class BacktestRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'account_id', type: 'varchar', length: 64 })
  accountId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'double precision', default: 0 })
  progress!: number;

  @Column({ type: 'text' })
  request!: string;

  /** Who started it; null in local mode. A trader sees only their own runs. */
  @Column({ name: 'owner_user_id', type: 'varchar', length: 64, nullable: true })
  ownerUserId!: string | null;

  @Column({ name: 'upload_id', type: 'varchar', length: 64, nullable: true })
  uploadId!: string | null;

  /** The INSTANCE_ID of the process that ran it (last started it); null until one has. */
  @Column({ name: 'ran_by', type: 'varchar', length: 64, nullable: true })
  ranBy!: string | null;

  @Column({ type: 'text', nullable: true })
  report!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt!: number;

  @Column({ name: 'started_at', type: 'bigint', nullable: true, transformer: epochMs })
  startedAt!: number | null;

  @Column({ name: 'finished_at', type: 'bigint', nullable: true, transformer: epochMs })
  finishedAt!: number | null;
}
