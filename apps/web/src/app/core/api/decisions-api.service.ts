import { Injectable, inject } from '@angular/core';
import type { DecisionRiskOutcome, DecisionsPage } from '@ptp/contracts';
import type { Observable } from 'rxjs';
import { AccountContext } from '../state/account-context.service';
import { ApiClient } from './api-client.service';

export interface DecisionQuery {
  readonly symbol?: string;
  readonly outcome?: DecisionRiskOutcome;
  readonly limit?: number;
  /** ISO-8601 instant. */
  readonly from?: string;
}

@Injectable({ providedIn: 'root' })
export class DecisionsApi {
  private readonly api = inject(ApiClient);
  private readonly account = inject(AccountContext);

  list(query: DecisionQuery): Observable<DecisionsPage> {
    return this.api.get<DecisionsPage>('/api/decisions', { ...this.account.query(), ...query });
  }
}
