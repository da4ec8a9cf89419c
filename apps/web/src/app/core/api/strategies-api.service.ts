import { Injectable, inject } from '@angular/core';
import type { MarketTimespan, StrategyIndicatorsResponse } from '@ptp/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client.service';

export interface IndicatorsQuery {
  readonly strategy: string;
  readonly params: Readonly<Record<string, number>>;
  readonly symbol: string;
  readonly timespan: MarketTimespan;
  readonly from: number;
}

@Injectable({ providedIn: 'root' })
export class StrategiesApi {
  private readonly api = inject(ApiClient);

  /** The strategy's own indicator series over the market's bars (GET /api/strategies/:name/indicators). */
  indicators({
    strategy,
    params,
    ...range
  }: IndicatorsQuery): Observable<StrategyIndicatorsResponse> {
    return this.api.get<StrategyIndicatorsResponse>(
      `/api/strategies/${encodeURIComponent(strategy)}/indicators`,
      { ...params, ...range },
    );
  }
}
