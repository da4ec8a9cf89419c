import { Injectable } from '@nestjs/common';
import {
  CorporateActivityEntity,
  DatabaseWrites,
  DecisionEntity,
  EngineStateEntity,
  EquitySnapshotEntity,
  OrderEntity,
  PaperTradeEntity,
  PositionEntity,
  RoundTripEntity,
  TradingSessionEntity,
  deleteAccountHistory,
} from '@ptp/api/persistence';
import { AccountFence } from '../ownership/account-fence.service';
import { isEmptyBatch, type LedgerBatch } from './ledger-batch';

/** Rows per INSERT statement; keeps SQLite under its bound-parameter limit. */
const CHUNK = 100;

/**
 * Writes a LedgerBatch (orders, fills, splits and dividends, positions, equity snapshot, decisions, round trips, session
 * progress, engine snapshot) in ONE transaction, which first checks the account's fence: a
 * process that lost the account's lease writes nothing.
 */
@Injectable()
export class LedgerWriter {
  constructor(
    private readonly writes: DatabaseWrites,
    private readonly fence: AccountFence,
  ) {}

  async write(batch: LedgerBatch): Promise<void> {
    if (isEmptyBatch(batch)) return;
    await this.writes.transaction(async (manager) => {
      await this.fence.check(manager, batch.accountId);
      for (let i = 0; i < batch.orders.length; i += CHUNK)
        await manager.upsert(OrderEntity, batch.orders.slice(i, i + CHUNK), ['id']);
      if (batch.clientOrder) {
        // Set apart from the upsert, which overwrites only the columns its rows carry: the engine's
        // later updates of the order leave the tag alone. The unique index refuses a duplicate id.
        const { orderId, clientOrderId, requestHash } = batch.clientOrder;
        await manager.update(
          OrderEntity,
          { id: orderId, accountId: batch.accountId },
          { clientOrderId, requestHash },
        );
      }
      if (batch.replacement) {
        const { replaced, by } = batch.replacement;
        const account = batch.accountId;
        await manager.update(OrderEntity, { id: replaced, accountId: account }, { replacedBy: by });
        await manager.update(OrderEntity, { id: by, accountId: account }, { replaces: replaced });
      }
      for (let i = 0; i < batch.trades.length; i += CHUNK)
        await manager.insert(PaperTradeEntity, batch.trades.slice(i, i + CHUNK));
      for (let i = 0; i < batch.activities.length; i += CHUNK)
        await manager.insert(CorporateActivityEntity, batch.activities.slice(i, i + CHUNK));
      if (batch.positions !== null) {
        await manager.delete(PositionEntity, { accountId: batch.accountId });
        if (batch.positions.length > 0) await manager.insert(PositionEntity, [...batch.positions]);
      }
      if (batch.equity) await manager.insert(EquitySnapshotEntity, batch.equity);
      for (let i = 0; i < batch.decisions.length; i += CHUNK)
        await manager.insert(DecisionEntity, batch.decisions.slice(i, i + CHUNK));
      for (let i = 0; i < batch.roundTrips.length; i += CHUNK)
        await manager.insert(RoundTripEntity, batch.roundTrips.slice(i, i + CHUNK));
      if (batch.session) {
        await manager.update(
          TradingSessionEntity,
          { id: batch.session.id },
          { lastTickAt: batch.session.lastTickAt, cursor: batch.session.cursor },
        );
      }
      if (batch.engine !== null)
        await manager.upsert(
          EngineStateEntity,
          { accountId: batch.accountId, snapshot: batch.engine, updatedAt: Date.now() },
          ['accountId'],
        );
    });
  }

  /** Deletes the account's whole trading history (a reset) in one transaction; its config stays. */
  async eraseHistory(accountId: string): Promise<void> {
    await this.writes.transaction(async (manager) => {
      await this.fence.check(manager, accountId);
      await deleteAccountHistory(manager, accountId);
    });
  }
}
