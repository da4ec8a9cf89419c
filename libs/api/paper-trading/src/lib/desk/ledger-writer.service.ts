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
  insertRows,
} from '@ptp/api/persistence';
import { In } from 'typeorm';
import { AccountFence } from '../ownership/account-fence.service';
import { isEmptyBatch, type LedgerBatch } from './ledger-batch';

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
      await insertRows(manager, OrderEntity, batch.orders, ['id']);
      // Set apart from the upsert, which overwrites only the columns its rows carry: the engine's
      // later updates of the order leave the tag alone. The unique index refuses a duplicate id.
      for (const { orderId, clientOrderId, requestHash } of batch.clientOrders) {
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
      await insertRows(manager, PaperTradeEntity, batch.trades);
      await insertRows(manager, CorporateActivityEntity, batch.activities);
      if (batch.positions !== null) {
        const { replace, rows, closed } = batch.positions;
        const accountId = batch.accountId;
        if (replace) await manager.delete(PositionEntity, { accountId });
        else if (closed.length > 0)
          await manager.delete(PositionEntity, { accountId, symbol: In([...closed]) });
        await insertRows(
          manager,
          PositionEntity,
          rows,
          replace ? undefined : ['accountId', 'symbol'],
        );
      }
      if (batch.equity) await insertRows(manager, EquitySnapshotEntity, [batch.equity]);
      await insertRows(manager, DecisionEntity, batch.decisions);
      await insertRows(manager, RoundTripEntity, batch.roundTrips);
      if (batch.session) {
        await manager.update(
          TradingSessionEntity,
          { id: batch.session.id },
          { lastTickAt: batch.session.lastTickAt, cursor: batch.session.cursor },
        );
      }
      if (batch.engine !== null)
        await insertRows(
          manager,
          EngineStateEntity,
          [{ accountId: batch.accountId, snapshot: batch.engine, updatedAt: Date.now() }],
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
