import { AuditEntryEntity, insertRows } from '@ptp/api/persistence';
import type { EntityManager } from 'typeorm';

export interface AuditRecord {
  readonly userName: string;
  readonly tokenId?: string | null;
  readonly action: string;
  readonly method?: string | null;
  readonly path?: string | null;
  readonly accountId?: string | null;
  readonly status?: number | null;
  readonly ip?: string | null;
  readonly details?: Record<string, unknown> | null;
}

const MAX_PATH = 300;

const row = (record: AuditRecord, at: number) => ({
  at,
  userName: record.userName,
  tokenId: record.tokenId ?? null,
  action: record.action,
  method: record.method ?? null,
  path: record.path ? record.path.slice(0, MAX_PATH) : null,
  accountId: record.accountId ?? null,
  status: record.status ?? null,
  ip: record.ip ?? null,
  details: record.details ? JSON.stringify(record.details) : null,
});

/**
 * Appends audit rows in one INSERT (of up to 100 rows), atomic on its own; shared by the API and the users command so
 * both write the same shape. The rows are not read back (TypeORM's `insert` would SELECT each again).
 */
export async function appendAudit(
  manager: EntityManager,
  records: readonly AuditRecord[],
): Promise<void> {
  const at = Date.now();
  await insertRows(
    manager,
    AuditEntryEntity,
    records.map((record) => row(record, at)),
  );
}
