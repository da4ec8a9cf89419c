import { Injectable, inject } from '@angular/core';
import type { Account, AccountMetrics, ChartData, CreateAccountRequest } from '@ptp/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client.service';

@Injectable({ providedIn: 'root' })
export class AccountsApi {
  private readonly api = inject(ApiClient);

  list(): Observable<Account[]> {
    return this.api.get<Account[]>('/api/accounts');
  }

  create(name: string, startingCapital?: number): Observable<Account> {
    const request: CreateAccountRequest =
      startingCapital === undefined ? { name } : { name, startingCapital };
    return this.api.post<Account>('/api/accounts', request);
  }

  reset(id: string): Observable<Account> {
    return this.api.post<Account>(`/api/accounts/${encodeURIComponent(id)}/reset`, {
      confirm: true,
    });
  }

  /** One account's full equity history, for comparing accounts (the selected account's chart polls on its own). */
  chartData(id: string): Observable<ChartData> {
    return this.api.get<ChartData>('/api/chart-data', { accountId: id });
  }

  /** One account's metrics, for the comparison table. */
  metrics(id: string): Observable<AccountMetrics> {
    return this.api.get<AccountMetrics>('/api/metrics', { accountId: id });
  }

  remove(id: string): Observable<Account> {
    return this.api.delete<Account>(`/api/accounts/${encodeURIComponent(id)}`);
  }
}
