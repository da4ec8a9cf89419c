import { ExpiringLru, type PreparedEnvelope } from '@ptp/api/shared';

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
  private readonly entries: ExpiringLru<string, Entry>;

  constructor(capacity = FULL_CHART_ANSWERS_CAPACITY) {
    this.entries = new ExpiringLru(capacity);
  }

  get(accountId: string, etag: string): PreparedEnvelope | undefined {
    const entry = this.entries.get(accountId);
    return entry?.etag === etag ? entry.answer : undefined;
  }

  set(accountId: string, etag: string, answer: PreparedEnvelope): void {
    this.entries.set(accountId, { etag, answer }, Infinity);
  }
}
