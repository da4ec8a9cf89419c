export type HealthState = 'up' | 'down' | 'degraded';

/** One indicator of GET /health, as produced by @nestjs/terminus. */
export interface HealthIndicatorResult {
  readonly status: 'up' | 'down';
  readonly [detail: string]: unknown;
}

export interface HealthReport {
  /** 'ok' when every check is up, 'error' otherwise (terminus' convention). */
  readonly status: 'ok' | 'error' | 'shutting_down';
  readonly info: Record<string, HealthIndicatorResult>;
  readonly error: Record<string, HealthIndicatorResult>;
  readonly details: Record<string, HealthIndicatorResult>;
  readonly uptimeSec: number;
  readonly version: string;
}
