import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

/** A person who logs in to the dashboard or owns API tokens. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  name!: string;

  /** `scrypt$N$r$p$salt$key`: the parameters travel with the hash so they can be raised later. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: string;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt!: number;
}
