/** What a module reports about itself in GET /health. `status: 'down'` turns the whole check into a 503. */
export interface ContributorHealth {
  readonly status: 'up' | 'down';
  /** Finer state shown to users, e.g. 'ok', 'degraded', 'stale', 'unauthorized'. */
  readonly state: string;
  readonly [detail: string]: unknown;
}

/**
 * Implemented by feature modules that have something to say about health (market data, portfolio
 * invariants). HealthModule.register() collects them, so Health needs no knowledge of their internals.
 */
export abstract class HealthContributor {
  abstract readonly key: string;
  /** Whether /health/ready should also wait for this contributor. */
  abstract readonly readiness: boolean;
  abstract check(): Promise<ContributorHealth>;
}
