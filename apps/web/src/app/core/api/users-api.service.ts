import { Injectable, inject } from '@angular/core';
import type { Role, UserSummary } from '@ptp/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client.service';

export interface NewUser {
  readonly name: string;
  readonly role: Role;
  readonly password: string;
}

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly api = inject(ApiClient);

  list(): Observable<UserSummary[]> {
    return this.api.get<UserSummary[]>('/api/users');
  }

  create(user: NewUser): Observable<UserSummary> {
    return this.api.post<UserSummary>('/api/users', user);
  }

  update(name: string, change: { role?: Role; password?: string }): Observable<UserSummary> {
    return this.api.patch<UserSummary>(`/api/users/${encodeURIComponent(name)}`, change);
  }

  remove(name: string): Observable<unknown> {
    return this.api.delete<unknown>(`/api/users/${encodeURIComponent(name)}`);
  }
}
