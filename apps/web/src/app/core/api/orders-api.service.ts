import { Injectable, inject } from '@angular/core';
import type { Order, PlaceOrderRequest } from '@ptp/contracts';
import type { Observable } from 'rxjs';
import { AccountContext } from '../state/account-context.service';
import { ApiClient } from './api-client.service';

@Injectable({ providedIn: 'root' })
export class OrdersApi {
  private readonly api = inject(ApiClient);
  private readonly account = inject(AccountContext);

  open(): Observable<Order[]> {
    return this.api.get<Order[]>('/api/orders', { ...this.account.query(), status: 'open' });
  }

  place(request: PlaceOrderRequest): Observable<Order> {
    return this.api.post<Order>('/api/orders', { ...request, ...this.account.query() });
  }

  cancel(id: string): Observable<Order> {
    return this.api.delete<Order>(`/api/orders/${encodeURIComponent(id)}`, this.account.query());
  }
}
