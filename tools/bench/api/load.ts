import autocannon from 'autocannon';
import { processCpuMs } from './process-cpu';

export interface LoadTarget {
  readonly url: string;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  /** Bodies sent in turn on each connection (e.g. a buy then a sell). */
  readonly bodies?: readonly string[];
}

export interface LoadResult {
  readonly requestsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Count per HTTP status, so a run that was refused or errored is visible in the table. */
  readonly statuses: Readonly<Record<string, number>>;
  readonly errors: number;
  readonly bytesPerRequest: number;
  /** CPU the server process spent per answered request; null without /proc. */
  readonly cpuMsPerRequest: number | null;
}

export interface LoadShape {
  readonly connections: number;
  readonly seconds: number;
}

/**
 * Drives one target with autocannon for `seconds` over `connections` keep-alive connections, and
 * reads the CPU time of the server process `pid` around the run.
 */
export async function drive(
  target: LoadTarget,
  shape: LoadShape,
  pid: number,
): Promise<LoadResult> {
  const requests = target.bodies?.map((body) => ({ method: target.method, body }));
  const cpuBefore = processCpuMs(pid);
  const result = await autocannon({
    url: target.url,
    connections: shape.connections,
    duration: shape.seconds,
    method: target.method ?? 'GET',
    headers: target.headers,
    ...(requests ? { requests } : {}),
  });
  const statuses: Record<string, number> = {};
  for (const [status, stat] of Object.entries(result.statusCodeStats ?? {}))
    statuses[status] = stat.count ?? 0;
  const total = Object.values(statuses).reduce((sum, n) => sum + n, 0);
  const cpuAfter = processCpuMs(pid);
  return {
    requestsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    statuses,
    errors: result.errors,
    bytesPerRequest: total > 0 ? result.throughput.total / total : 0,
    cpuMsPerRequest:
      cpuBefore === null || cpuAfter === null || total === 0
        ? null
        : (cpuAfter - cpuBefore) / total,
  };
}
