import { Injectable, inject } from '@angular/core';
import type {
  AccountMetrics,
  AccountPerformance,
  ActivitiesPage,
  Portfolio,
  TradesPage,
} from '@ptp/contracts';
import type { Observable } from 'rxjs';
import { AccountContext } from '../state/account-context.service';
import { ApiClient } from './api-client.service';

@Injectable({ providedIn: 'root' })
export class PortfolioApi {
  private readonly api = inject(ApiClient);
  private readonly account = inject(AccountContext);

  portfolio(): Observable<Portfolio> {
    return this.api.get<Portfolio>('/api/portfolio', this.account.query());
  }

  trades(limit = 50): Observable<TradesPage> {
    return this.api.get<TradesPage>('/api/trades', { ...this.account.query(), limit });
  }

  /** Fills, splits and dividends, newest first. */
  activities(limit = 50): Observable<ActivitiesPage> {
    return this.api.get<ActivitiesPage>('/api/activities', { ...this.account.query(), limit });
  }

  metrics(): Observable<AccountMetrics> {
    return this.api.get<AccountMetrics>('/api/metrics', this.account.query());
  }

  performance(): Observable<AccountPerformance> {
    return this.api.get<AccountPerformance>('/api/performance', this.account.query());
  }
}
