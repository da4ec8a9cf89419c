import { Injectable, inject } from '@angular/core';
import type {
  MarketBarsResponse,
  MarketQuote,
  MarketStatusResponse,
  MarketTimespan,
} from '@ptp/contracts';
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

  bars(symbol: string, timespan: MarketTimespan, from: number): Observable<MarketBarsResponse> {
    return this.api.get<MarketBarsResponse>('/api/market/bars', { symbol, timespan, from });
  }
}
