import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

@Entity({ name: 'equity_snapshots' })
@Index(['accountId', 'time'])
@Index(['accountId', 'id'])
export class EquitySnapshotEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'account_id', type: 'varchar', length: 64 })
  accountId!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  time!: number;

  @Column({ type: 'varchar', length: 40 })
  equity!: string;

  @Column({ type: 'varchar', length: 40 })
  cash!: string;

  @Column({ name: 'positions_value', type: 'varchar', length: 40 })
  positionsValue!: string;

  /** Buy-and-hold benchmark value at the same time, when known. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  benchmark!: string | null;
}
