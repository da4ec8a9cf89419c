import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

/** A named paper account; every other row is keyed by its id. */
@Entity({ name: 'accounts' })
export class AccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  /** Decimal string: money is never stored as binary floating point. */
  @Column({ name: 'starting_capital', type: 'varchar', length: 40 })
  startingCapital!: string;

  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault!: boolean;

  /** The user it belongs to; null for accounts made in local mode, which only admins manage. */
  @Column({ name: 'owner_user_id', type: 'varchar', length: 64, nullable: true })
  ownerUserId!: string | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt!: number;
}
