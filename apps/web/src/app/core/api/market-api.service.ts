import { Injectable, inject } from '@angular/core';
import type { MarketQuote, MarketStatusResponse } from '@ptp/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client.service';

@Injectable({ providedIn: 'root' })
export class MarketApi {
  private readonly api = inject(ApiClient);

  status(): Observable<MarketStatusResponse> {
    return this.api.get<MarketStatusResponse>('/api/market/status');
  }

  quotes(symbols: readonly string[]): Observable<MarketQuote[]> {
    return this.api.get<MarketQuote[]>('/api/market/quotes', { symbols: symbols.join(',') });
  }
}
