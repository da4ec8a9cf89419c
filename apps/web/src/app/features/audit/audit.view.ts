import type { AuditEntry, Page } from '@ptp/contracts';

export const AUDIT_PAGE_SIZES = [50, 100, 200] as const;

/** A `datetime-local` value, read as UTC like every time on the dashboard; empty or invalid means no bound. */
export function utcInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(`${value}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** "51–100 of 234", or "0 of 0" for an empty result. */
export function pageRange(page: Page<unknown>): string {
  if (page.items.length === 0) return `0 of ${page.total}`;
  return `${page.offset + 1}–${page.offset + page.items.length} of ${page.total}`;
}

/** The entry's details as one line of JSON, or a dash. */
export function detailsText(entry: AuditEntry): string {
  return entry.details ? JSON.stringify(entry.details) : '—';
}
