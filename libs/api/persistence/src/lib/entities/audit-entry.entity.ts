import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

/** Who changed what, when and from where: one row per state-changing request or users command. */
@Entity({ name: 'audit_log' })
@Index(['at'])
@Index(['userName', 'at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  at!: number;

  @Column({ name: 'user_name', type: 'varchar', length: 64 })
  userName!: string;

  @Column({ name: 'token_id', type: 'varchar', length: 64, nullable: true })
  tokenId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  method!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  path!: string | null;

  @Column({ name: 'account_id', type: 'varchar', length: 64, nullable: true })
  accountId!: string | null;

  @Column({ type: 'integer', nullable: true })
  status!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  /** JSON text. */
  @Column({ type: 'text', nullable: true })
  details!: string | null;
}
