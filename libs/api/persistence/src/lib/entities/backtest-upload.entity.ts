import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

/**
 * A CSV a backtest runs on, stored once per owner and content however many runs use it; a run
 * refers to it by `upload_id`. A null owner is local mode's single, unnamed user.
 */
@Entity({ name: 'backtest_uploads' })
@Index('IDX_backtest_uploads_owner_sha256', ['ownerUserId', 'sha256'])
export class BacktestUploadEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'owner_user_id', type: 'varchar', length: 64, nullable: true })
  ownerUserId!: string | null;

  /** Hex SHA-256 of the content's UTF-8 bytes. */
  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'text' })
  content!: string;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt!: number;
}
