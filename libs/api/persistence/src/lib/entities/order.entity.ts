import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

/** An order and its current state; the transition history lives in `history` as JSON. */
@Entity({ name: 'orders' })
@Index(['accountId', 'status'])
@Index('IDX_orders_account_client_order_id', ['accountId', 'clientOrderId'], { unique: true })
@Index('IDX_orders_uuid', ['uuid'], { unique: true })
export class OrderEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'account_id', type: 'varchar', length: 64 })
  accountId!: string;

  @Column({ name: 'session_id', type: 'varchar', length: 64, nullable: true })
  sessionId!: string | null;

  @Column({ name: 'parent_id', type: 'varchar', length: 64, nullable: true })
  parentId!: string | null;

  @Column({ name: 'oco_group', type: 'varchar', length: 64, nullable: true })
  ocoGroup!: string | null;

  @Column({ type: 'varchar', length: 16 })
  source!: 'manual' | 'strategy' | 'risk';

  @Column({ type: 'varchar', length: 16 })
  symbol!: string;

  @Column({ type: 'varchar', length: 4 })
  side!: 'buy' | 'sell';

  @Column({ type: 'varchar', length: 16 })
  type!: string;

  @Column({ name: 'time_in_force', type: 'varchar', length: 8 })
  timeInForce!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  quantity!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  notional!: string | null;

  @Column({ name: 'limit_price', type: 'varchar', length: 40, nullable: true })
  limitPrice!: string | null;

  @Column({ name: 'stop_price', type: 'varchar', length: 40, nullable: true })
  stopPrice!: string | null;

  @Column({ name: 'trail_percent', type: 'varchar', length: 40, nullable: true })
  trailPercent!: string | null;

  @Column({ name: 'trail_amount', type: 'varchar', length: 40, nullable: true })
  trailAmount!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ name: 'filled_quantity', type: 'varchar', length: 40, default: '0' })
  filledQuantity!: string;

  @Column({ name: 'avg_fill_price', type: 'varchar', length: 40, nullable: true })
  avgFillPrice!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** Serialised domain order state (trailing high-water mark, children, transitions). */
  @Column({ type: 'text' })
  state!: string;

  /** The client's id for the order (unique per account); only manual orders placed with one have it. */
  @Column({ name: 'client_order_id', type: 'varchar', length: 128, nullable: true })
  clientOrderId!: string | null;

  /** SHA-256 of the normalized order request, to tell a retry from a different order under the same id. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64, nullable: true })
  requestHash!: string | null;

  /** The order's UUID for the Alpaca-compatible API (`orderUuid`); null only before migrating. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  uuid!: string | null;

  /** The order this one replaced (`PATCH /v2/orders/{id}`). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  replaces!: string | null;

  /** The order that replaced this one; it was canceled for it. */
  @Column({ name: 'replaced_by', type: 'varchar', length: 64, nullable: true })
  replacedBy!: string | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt!: number;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMs })
  updatedAt!: number;
}
