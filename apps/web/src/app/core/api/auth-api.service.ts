import { Injectable, inject } from '@angular/core';
import type { AuthMe, LoginRequest } from '@ptp/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client.service';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly api = inject(ApiClient);

  me(): Observable<AuthMe> {
    return this.api.get<AuthMe>('/api/auth/me');
  }

  login(request: LoginRequest): Observable<AuthMe> {
    return this.api.post<AuthMe>('/api/auth/login', request);
  }

  logout(): Observable<unknown> {
    return this.api.post<unknown>('/api/auth/logout');
  }
}
