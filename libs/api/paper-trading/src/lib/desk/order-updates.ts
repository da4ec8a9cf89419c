import { Injectable } from '@nestjs/common';
import { type Observable, Subject } from 'rxjs';

/** What happened to an order, in the words of Alpaca's `trade_updates` stream. */
export type OrderEventKind =
  'new' | 'fill' | 'partial_fill' | 'canceled' | 'expired' | 'replaced' | 'rejected';

/** One fill of an order: its price and shares, and the position it left (signed shares). */
export interface OrderEventFill {
  readonly id: string;
  readonly price: string;
  readonly quantity: string;
  readonly positionQuantity: string;
}

export interface OrderEvent {
  readonly event: OrderEventKind;
  readonly orderId: string;
  /** UTC ms: the fill's time, or the order's last change. */
  readonly time: number;
  readonly fill?: OrderEventFill;
}

/**
 * The order events of one committed change of an account, in the order they happened. Plain data,
 * so another process's changes can arrive here the same way (e.g. relayed through Redis).
 */
export interface AccountOrderEvents {
  readonly accountId: string;
  readonly events: readonly OrderEvent[];
}

/**
 * The one seam order events pass through: desks publish what they committed, readers (the
 * Alpaca `trade_updates` stream) subscribe. Only committed changes are published.
 */
@Injectable()
export class OrderUpdates {
  private readonly subject = new Subject<AccountOrderEvents>();

  get updates$(): Observable<AccountOrderEvents> {
    return this.subject.asObservable();
  }

  publish(batch: AccountOrderEvents): void {
    if (batch.events.length > 0) this.subject.next(batch);
  }
}
