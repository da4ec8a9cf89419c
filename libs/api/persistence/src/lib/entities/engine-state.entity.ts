import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

/**
 * The trading engine's snapshot per account (JSON of the core's EngineSnapshot: open orders, id
 * counters, trading day, daily-loss state). Written in the same transaction as the fills it
 * reflects, so a restart rebuilds the engine exactly where it stopped.
 */
@Entity({ name: 'engine_states' })
export class EngineStateEntity {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 64 })
  accountId!: string;

  @Column({ type: 'text' })
  snapshot!: string;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMs })
  updatedAt!: number;
}
