import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMs } from '../column-transformers';

/** A strategy run on an account; `status = 'running'` rows are resumed at start-up. */
@Entity({ name: 'trading_sessions' })
@Index(['accountId', 'status'])
export class TradingSessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'account_id', type: 'varchar', length: 64 })
  accountId!: string;

  @Column({ type: 'varchar', length: 40 })
  strategy!: string;

  /** JSON object of strategy parameters. */
  @Column({ type: 'text' })
  params!: string;

  /** JSON array of symbols. */
  @Column({ type: 'text' })
  symbols!: string;

  @Column({ name: 'signal_interval_sec', type: 'integer' })
  signalIntervalSec!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: 'running' | 'stopped';

  @Column({ name: 'started_at', type: 'bigint', transformer: epochMs })
  startedAt!: number;

  @Column({ name: 'stopped_at', type: 'bigint', nullable: true, transformer: epochMs })
  stoppedAt!: number | null;

  @Column({ name: 'last_tick_at', type: 'bigint', nullable: true, transformer: epochMs })
  lastTickAt!: number | null;

  /** Time of the newest bar each symbol's strategy has consumed (JSON), so a restart does not re-signal. */
  @Column({ type: 'text', default: '{}' })
  cursor!: string;
}
