import { Injectable, inject } from '@angular/core';
import type { HealthReport } from '@ptp/contracts';
import { type Observable, catchError, of, throwError } from 'rxjs';
import { ApiClient } from './api-client.service';
import { type ApiFailure } from './api-failure';

function isHealthReport(details: unknown): details is HealthReport {
  return (
    typeof details === 'object' && details !== null && 'details' in details && 'status' in details
  );
}

/** GET /health. A 503 still carries a full report, so it is data here, not a failure. */
@Injectable({ providedIn: 'root' })
export class HealthApi {
  private readonly api = inject(ApiClient);

  report(): Observable<HealthReport> {
    return this.api
      .get<HealthReport>('/health')
      .pipe(
        catchError((failure: ApiFailure) =>
          isHealthReport(failure.details) ? of(failure.details) : throwError(() => failure),
        ),
      );
  }
}
