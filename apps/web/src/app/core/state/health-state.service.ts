import { Injectable, computed, inject } from '@angular/core';
import { HealthApi } from '../api/health-api.service';
import { pollResource } from '../polling/poll-resource';

export type HealthBadgeState = 'checking' | 'healthy' | 'unhealthy' | 'unreachable';

/** The polled /health report, shared by the status-bar badge and the Health screen. */
@Injectable({ providedIn: 'root' })
export class HealthState {
  private readonly api = inject(HealthApi);
  private readonly resource = pollResource(() => this.api.report());

  readonly report = this.resource.value;
  readonly error = this.resource.error;

  readonly badge = computed<HealthBadgeState>(() => {
    if (this.error()?.isConnectionProblem) return 'unreachable';
    const report = this.report();
    if (!report) return this.error() ? 'unreachable' : 'checking';
    return report.status === 'ok' ? 'healthy' : 'unhealthy';
  });

  /** Names of the failing checks, e.g. ["market_data"]. */
  readonly failing = computed(() => Object.keys(this.report()?.error ?? {}));

  refresh(): void {
    this.resource.refresh();
  }
}
