import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

/**
 * A closed round trip (flat → flat per symbol) as the engine reported it when the position closed.
 * Numbers are the engine's, written as the strings of those numbers, so they read back exactly.
 */
@Entity({ name: 'round_trips' })
@Index(['accountId', 'exitTime'])
@Index(['accountId', 'id'])
export class RoundTripEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'account_id', type: 'varchar', length: 64 })
  accountId!: string;

  @Column({ type: 'varchar', length: 16 })
  symbol!: string;

  @Column({ name: 'entry_time', type: 'bigint', transformer: epochMs })
  entryTime!: number;

  @Column({ name: 'exit_time', type: 'bigint', transformer: epochMs })
  exitTime!: number;

  @Column({ type: 'varchar', length: 40 })
  quantity!: string;

  @Column({ name: 'entry_price', type: 'varchar', length: 40 })
  entryPrice!: string;

  @Column({ name: 'exit_price', type: 'varchar', length: 40 })
  exitPrice!: string;

  @Column({ type: 'varchar', length: 40 })
  pnl!: string;

  @Column({ type: 'varchar', length: 40 })
  commission!: string;
}
