import { Injectable, inject } from '@angular/core';
import type { AuditEntry, Page } from '@ptp/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client.service';

export interface AuditQuery {
  /** ISO-8601 instants; absent means unbounded. */
  readonly from?: string;
  readonly to?: string;
  readonly user?: string;
  readonly limit: number;
  readonly offset: number;
}

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly api = inject(ApiClient);

  page(query: AuditQuery): Observable<Page<AuditEntry>> {
    return this.api.get<Page<AuditEntry>>('/api/audit', { ...query });
  }
}
