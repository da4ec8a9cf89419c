import { Injectable, computed, signal } from '@angular/core';
import type { ApiFailure } from '../api/api-failure';

/** Whether the server is answering polls, and when it last did. Drives the "connection lost" banner. */
@Injectable({ providedIn: 'root' })
export class ConnectionStatus {
  private readonly lastSuccess = signal<number | null>(null);
  private readonly failure = signal<ApiFailure | null>(null);

  readonly lastUpdateAt = this.lastSuccess.asReadonly();
  readonly lost = computed(() => this.failure()?.isConnectionProblem ?? false);

  markSuccess(at = Date.now()): void {
    this.lastSuccess.set(at);
    this.failure.set(null);
  }

  markFailure(failure: ApiFailure): void {
    this.failure.set(failure);
  }
}
