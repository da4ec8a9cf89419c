import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

/** The current holding per account and symbol, kept in step with paper_trades in the same transaction. */
@Entity({ name: 'positions' })
export class PositionEntity {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 64 })
  accountId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  symbol!: string;

  @Column({ type: 'varchar', length: 40 })
  quantity!: string;

  @Column({ name: 'avg_cost', type: 'varchar', length: 40 })
  avgCost!: string;

  @Column({ name: 'realized_pnl', type: 'varchar', length: 40, default: '0' })
  realizedPnl!: string;

  @Column({ name: 'opened_at', type: 'bigint', transformer: epochMs })
  openedAt!: number;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMs })
  updatedAt!: number;
}
