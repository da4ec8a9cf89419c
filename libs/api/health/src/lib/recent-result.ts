/**
 * Shares one run of an expensive check with every caller of the next `maxAgeMs`, the run still in
 * flight included: the dashboard and load balancers poll `/health`, and a full run reads each
 * account's ledger. A run that failed is never reused.
 */
export class RecentResult<T> {
  private last: { readonly startedAt: number; readonly value: Promise<T> } | null = null;

  constructor(
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(run: () => Promise<T>): Promise<T> {
    const now = this.now();
    if (this.last && now - this.last.startedAt < this.maxAgeMs) return this.last.value;
    const value = run();
    const entry = { startedAt: now, value };
    this.last = entry;
    value.catch(() => {
      if (this.last === entry) this.last = null;
    });
    return value;
  }
}
