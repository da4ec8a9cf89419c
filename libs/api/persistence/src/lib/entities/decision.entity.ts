import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

/** The audit trail: one row per signal with its indicators and risk outcome ("why did it (not) trade?"). */
@Entity({ name: 'decisions' })
@Index(['accountId', 'time'])
export class DecisionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'account_id', type: 'varchar', length: 64 })
  accountId!: string;

  @Column({ name: 'session_id', type: 'varchar', length: 64, nullable: true })
  sessionId!: string | null;

  @Column({ type: 'bigint', transformer: epochMs })
  time!: number;

  @Column({ type: 'varchar', length: 16 })
  symbol!: string;

  @Column({ type: 'varchar', length: 40 })
  strategy!: string;

  @Column({ type: 'varchar', length: 16 })
  action!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** JSON object of indicator values. */
  @Column({ type: 'text' })
  indicators!: string;

  @Column({ name: 'risk_outcome', type: 'varchar', length: 16 })
  riskOutcome!: string;

  @Column({ name: 'risk_code', type: 'varchar', length: 40, nullable: true })
  riskCode!: string | null;

  @Column({ name: 'risk_reason', type: 'text', nullable: true })
  riskReason!: string | null;

  @Column({ name: 'order_id', type: 'varchar', length: 64, nullable: true })
  orderId!: string | null;
}
