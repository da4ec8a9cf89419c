import { Injectable, inject } from '@angular/core';
import type { ApiTokenSummary, CreatedApiToken, Role } from '@ptp/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client.service';

export interface NewToken {
  readonly name: string;
  readonly accountId?: string;
  readonly role?: Role;
}

@Injectable({ providedIn: 'root' })
export class TokensApi {
  private readonly api = inject(ApiClient);

  list(): Observable<ApiTokenSummary[]> {
    return this.api.get<ApiTokenSummary[]>('/api/tokens');
  }

  create(token: NewToken): Observable<CreatedApiToken> {
    return this.api.post<CreatedApiToken>('/api/tokens', token);
  }

  revoke(id: string): Observable<unknown> {
    return this.api.delete<unknown>(`/api/tokens/${encodeURIComponent(id)}`);
  }
}
