import { Injectable, inject } from '@angular/core';
import type { PaperTradingStatus, StartSessionRequest } from '@ptp/contracts';
import type { Observable } from 'rxjs';
import { AccountContext } from '../state/account-context.service';
import { ApiClient } from './api-client.service';

/** The design's original paths: /paper-trading/start|stop|status. */
@Injectable({ providedIn: 'root' })
export class PaperTradingApi {
  private readonly api = inject(ApiClient);
  private readonly account = inject(AccountContext);

  status(): Observable<PaperTradingStatus> {
    return this.api.get<PaperTradingStatus>('/paper-trading/status', this.account.query());
  }

  start(request: StartSessionRequest): Observable<PaperTradingStatus> {
    return this.api.post<PaperTradingStatus>('/paper-trading/start', {
      ...request,
      ...this.account.query(),
    });
  }

  stop(): Observable<PaperTradingStatus> {
    return this.api.post<PaperTradingStatus>('/paper-trading/stop', this.account.query());
  }
}
