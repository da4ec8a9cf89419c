import type { PreparedEnvelope } from '@ptp/api/shared';

/** Accounts whose full answer is kept; the least recently asked is dropped beyond this. */
export const FULL_CHART_ANSWERS_CAPACITY = 64;

interface Entry {
  readonly etag: string;
  readonly answer: PreparedEnvelope;
}

/**
 * The prepared full chart-data answer (no `since=`) of each account, under the ETag of the data it
 * holds: every client that loads the dashboard asks the same answer until the next point, and an ETag
 * names exactly one data, so an answer is reused only for a request whose ETag is that one. One
 * entry per account, replaced by the next revision's answer, and only the most recently asked accounts.
 */
export class FullChartAnswers {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = FULL_CHART_ANSWERS_CAPACITY) {}

  get(accountId: string, etag: string): PreparedEnvelope | undefined {
    const entry = this.entries.get(accountId);
    if (entry?.etag !== etag) return undefined;
    // Map order is insertion order: moving the entry to the end keeps the least recent first.
    this.entries.delete(accountId);
    this.entries.set(accountId, entry);
    return entry.answer;
  }

  set(accountId: string, etag: string, answer: PreparedEnvelope): void {
    this.entries.delete(accountId);
    this.entries.set(accountId, { etag, answer });
    if (this.entries.size > this.capacity)
      this.entries.delete(this.entries.keys().next().value as string);
  }
}
