import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

/** A bot's credential. Only the SHA-256 of the token is kept; the token itself is shown once. */
@Entity({ name: 'api_tokens' })
@Index(['userId'])
export class ApiTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 64 })
  userId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Null: every account its owner may use. */
  @Column({ name: 'account_id', type: 'varchar', length: 64, nullable: true })
  accountId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  role!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt!: number;

  @Column({ name: 'last_used_at', type: 'bigint', transformer: epochMs, nullable: true })
  lastUsedAt!: number | null;
}
