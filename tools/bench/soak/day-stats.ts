/** What the soak records for one simulated trading day. */
export interface DayStats {
  readonly day: number;
  readonly date: string;
  /** p50 and p99 in ms per polled endpoint, over that day's requests. */
  readonly latency: Readonly<Record<string, { p50: number; p99: number; count: number }>>;
  readonly rssMiB: number;
  readonly heapMiB: number;
  readonly databaseMiB: number;
  readonly snapshotRows: number;
  readonly decisionRows: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/** Latencies collected per endpoint while one simulated day runs. */
export class LatencyLog {
  private readonly samples = new Map<string, number[]>();

  add(endpoint: string, ms: number): void {
    const list = this.samples.get(endpoint) ?? [];
    list.push(ms);
    this.samples.set(endpoint, list);
  }

  /** The day's percentiles, and a fresh log for the next day. */
  close(): DayStats['latency'] {
    const result: Record<string, { p50: number; p99: number; count: number }> = {};
    for (const [endpoint, list] of this.samples) {
      const sorted = [...list].sort((a, b) => a - b);
      result[endpoint] = {
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        count: sorted.length,
      };
    }
    this.samples.clear();
    return result;
  }
}
