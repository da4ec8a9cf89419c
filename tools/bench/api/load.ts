import autocannon from 'autocannon';

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
}

export interface LoadShape {
  readonly connections: number;
  readonly seconds: number;
}

/** Drives one target with autocannon for `seconds` over `connections` keep-alive connections. */
export async function drive(target: LoadTarget, shape: LoadShape): Promise<LoadResult> {
  const requests = target.bodies?.map((body) => ({ method: target.method, body }));
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
  return {
    requestsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    statuses,
    errors: result.errors,
    bytesPerRequest: total > 0 ? result.throughput.total / total : 0,
  };
}
