import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

/** One fill. The ledger is rebuilt from these rows, so they are append-only. */
@Entity({ name: 'paper_trades' })
@Index(['accountId', 'executedAt'])
@Index(['accountId', 'symbol'])
export class PaperTradeEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'account_id', type: 'varchar', length: 64 })
  accountId!: string;

  @Column({ name: 'order_id', type: 'varchar', length: 64 })
  orderId!: string;

  @Column({ name: 'session_id', type: 'varchar', length: 64, nullable: true })
  sessionId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  symbol!: string;

  @Column({ type: 'varchar', length: 4 })
  side!: 'buy' | 'sell';

  @Column({ type: 'varchar', length: 40 })
  quantity!: string;

  @Column({ type: 'varchar', length: 40 })
  price!: string;

  @Column({ type: 'varchar', length: 40 })
  commission!: string;

  @Column({ name: 'realized_pnl', type: 'varchar', length: 40, default: '0' })
  realizedPnl!: string;

  @Column({ name: 'executed_at', type: 'bigint', transformer: epochMs })
  executedAt!: number;
}
