import { Injectable, inject } from '@angular/core';
import type { RuntimeConfig, RuntimeConfigPatch, StrategyInfo } from '@ptp/contracts';
import type { Observable } from 'rxjs';
import { AccountContext } from '../state/account-context.service';
import { ApiClient } from './api-client.service';

@Injectable({ providedIn: 'root' })
export class ConfigApi {
  private readonly api = inject(ApiClient);
  private readonly account = inject(AccountContext);

  config(): Observable<RuntimeConfig> {
    return this.api.get<RuntimeConfig>('/api/config', this.account.query());
  }

  update(patch: RuntimeConfigPatch): Observable<RuntimeConfig> {
    return this.api.patch<RuntimeConfig>('/api/config', patch, this.account.query());
  }

  strategies(): Observable<StrategyInfo[]> {
    return this.api.get<StrategyInfo[]>('/api/strategies');
  }
}
