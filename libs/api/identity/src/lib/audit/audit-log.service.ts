import { Injectable, Logger } from '@nestjs/common';
import { AuditEntryEntity, DatabaseWrites } from '@ptp/api/persistence';
import type { AuditEntry, Page } from '@ptp/contracts';
import { KeyedBatches } from '@ptp/api/shared';
import { Between, DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { appendAudit, type AuditRecord } from './audit-record';

export interface AuditFilter {
  readonly from: number;
  readonly to: number;
  readonly user?: string;
}

function entry(row: AuditEntryEntity): AuditEntry {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    user: row.userName,
    tokenId: row.tokenId,
    action: row.action,
    method: row.method,
    path: row.path,
    accountId: row.accountId,
    status: row.status,
    ip: row.ip,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
  };
}

@Injectable()
export class AuditLogService {
  private readonly logger = new Logger(AuditLogService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: DatabaseWrites,
  ) {}

  /**
   * Rows that arrive while the database's writer is busy (an order's ledger transaction, say) wait
   * for it together and go in one INSERT: group commit, as the orders themselves do.
   */
  private readonly batches = new KeyedBatches<EntityManager, AuditRecord, void>(
    (_, task) => this.writes.exclusive(() => task(this.dataSource.manager)),
    async (manager, _, records) => {
      await appendAudit(manager, records);
      return records.map(() => undefined);
    },
  );

  /** Resolves once the row is written. Never fails the request it describes: a lost audit row is logged loudly instead. */
  async record(record: AuditRecord): Promise<void> {
    try {
      await this.batches.add('audit', record);
    } catch (error) {
      this.logger.error(`audit row lost for ${record.action}: ${(error as Error).message}`);
    }
  }

  async page(filter: AuditFilter, limit: number, offset: number): Promise<Page<AuditEntry>> {
    const where: FindOptionsWhere<AuditEntryEntity> = {
      at: Between(filter.from, filter.to - 1),
      ...(filter.user ? { userName: filter.user } : {}),
    };
    const [rows, total] = await this.dataSource.getRepository(AuditEntryEntity).findAndCount({
      where,
      order: { at: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(entry), total, limit, offset };
  }
}
