import type { EntityManager } from 'typeorm';
import { AccountEntity } from './account.entity';
import { AccountFenceEntity } from './account-fence.entity';
import { ApiTokenEntity } from './api-token.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { BacktestRunEntity } from './backtest-run.entity';
import { BacktestUploadEntity } from './backtest-upload.entity';
import { CorporateActivityEntity } from './corporate-activity.entity';
import { DecisionEntity } from './decision.entity';
import { EngineStateEntity } from './engine-state.entity';
import { EquitySnapshotEntity } from './equity-snapshot.entity';
import { LoginSessionEntity } from './login-session.entity';
import { OrderEntity } from './order.entity';
import { PaperTradeEntity } from './paper-trade.entity';
import { PortfolioConfigEntity } from './portfolio-config.entity';
import { PositionEntity } from './position.entity';
import { RoundTripEntity } from './round-trip.entity';
import { TradingSessionEntity } from './trading-session.entity';
import { UserEntity } from './user.entity';

export {
  AccountEntity,
  AccountFenceEntity,
  ApiTokenEntity,
  AuditEntryEntity,
  BacktestRunEntity,
  BacktestUploadEntity,
  CorporateActivityEntity,
  DecisionEntity,
  EngineStateEntity,
  EquitySnapshotEntity,
  LoginSessionEntity,
  OrderEntity,
  PaperTradeEntity,
  PortfolioConfigEntity,
  PositionEntity,
  RoundTripEntity,
  TradingSessionEntity,
  UserEntity,
};

export const CORE_ENTITIES = [
  AccountEntity,
  AccountFenceEntity,
  ApiTokenEntity,
  AuditEntryEntity,
  BacktestRunEntity,
  BacktestUploadEntity,
  CorporateActivityEntity,
  DecisionEntity,
  EngineStateEntity,
  EquitySnapshotEntity,
  LoginSessionEntity,
  OrderEntity,
  PaperTradeEntity,
  PortfolioConfigEntity,
  PositionEntity,
  RoundTripEntity,
  TradingSessionEntity,
  UserEntity,
];

/** The rows that make up an account's trading history: a reset deletes them, its config stays. */
export const ACCOUNT_HISTORY_ENTITIES = [
  EngineStateEntity,
  PaperTradeEntity,
  CorporateActivityEntity,
  PositionEntity,
  OrderEntity,
  EquitySnapshotEntity,
  DecisionEntity,
  RoundTripEntity,
  TradingSessionEntity,
] as const;

/** Deletes an account's trading history inside the caller's transaction. */
export async function deleteAccountHistory(
  manager: EntityManager,
  accountId: string,
): Promise<void> {
  for (const entity of ACCOUNT_HISTORY_ENTITIES) await manager.delete(entity, { accountId });
}
