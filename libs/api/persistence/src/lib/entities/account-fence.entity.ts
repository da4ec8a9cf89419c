import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintCounter, epochMs } from '../column-transformers';

/**
 * The fence of an account: the fencing token of the newest lease taken on it, and who took it
 * when. A new owner raises the token before it loads the account; every write of an owner moves
 * the token only if it is not above its own, in the write's transaction, and aborts otherwise.
 */
@Entity({ name: 'account_fences' })
export class AccountFenceEntity {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 64 })
  accountId!: string;

  @Column({ type: 'bigint', transformer: bigintCounter })
  token!: number;

  @Column({ name: 'owner_instance', type: 'varchar', length: 64 })
  ownerInstance!: string;

  @Column({ name: 'owner_since', type: 'bigint', transformer: epochMs })
  ownerSince!: number;
}
