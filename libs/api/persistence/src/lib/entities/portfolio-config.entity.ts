import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

/** Runtime configuration changes made through the API, one JSON value per key and account. */
@Entity({ name: 'portfolio_config' })
export class PortfolioConfigEntity {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 64 })
  accountId!: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  key!: string;

  @Column({ type: 'text' })
  value!: string;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMs })
  updatedAt!: number;
}
