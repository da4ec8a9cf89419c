import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

/** A dashboard login. The id is the SHA-256 of the cookie's secret, so a leaked table logs nobody in. */
@Entity({ name: 'login_sessions' })
@Index(['userId'])
export class LoginSessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 64 })
  userId!: string;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt!: number;

  @Column({ name: 'expires_at', type: 'bigint', transformer: epochMs })
  expiresAt!: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;
}
