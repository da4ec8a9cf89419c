import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

/** One backtest submitted over REST; `request` and `report` are JSON text. */
@Entity({ name: 'backtest_runs' })
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
