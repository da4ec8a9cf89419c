export type HealthState = 'up' | 'down' | 'degraded';

/** One indicator of GET /health, as produced by @nestjs/terminus. */
export interface HealthIndicatorResult {
  readonly status: 'up' | 'down';
  readonly [detail: string]: unknown;
}

/** `api` serves HTTP and trades, `worker` runs background jobs, `all` does both in one process. */
export const PROCESS_ROLES = ['all', 'api', 'worker'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

/** Which process answered: several may sit behind one address. */
export interface HealthInstance {
  /** INSTANCE_ID, or `<hostname>-<pid>` by default. */
  readonly id: string;
  /** PROCESS_ROLE. */
  readonly role: ProcessRole;
  /** The accounts this process trades (their desks are loaded here), sorted. */
  readonly accounts: readonly string[];
}

export interface HealthReport {
  /** 'ok' when every check is up, 'error' otherwise (terminus' convention). */
  readonly status: 'ok' | 'error' | 'shutting_down';
  readonly info: Record<string, HealthIndicatorResult>;
  readonly error: Record<string, HealthIndicatorResult>;
  readonly details: Record<string, HealthIndicatorResult>;
  readonly uptimeSec: number;
  readonly version: string;
  /**
   * When the checks behind this answer ran: calls within `server.health.maxAgeMs` of a run share
   * its result.
   */
  readonly checkedAt: string;
  /** On GET /health only: readiness is public, and which accounts a process trades is not. */
  readonly instance?: HealthInstance;
}
