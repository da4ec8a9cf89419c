import type { CorporateActivity } from '../corporate-actions/corporate-action-types';
import type { Fill } from '../ledger/fill';
import type { RoundTrip } from '../metrics/metrics-types';
import type { Order } from '../orders/order-types';
import {
  emptyOutput,
  type DecisionRecord,
  type EngineAlert,
  type EngineOutput,
} from './engine-output';

/** What happened since the last takeOutput(), collected by every part of the engine. */
export class OutputBuffer {
  private output: EngineOutput = emptyOutput();

  fill(fill: Fill, realizedPnl: string): void {
    this.output.fills.push(fill);
    this.output.fillPnl.push(realizedPnl);
  }

  roundTrip(trip: RoundTrip): void {
    this.output.roundTrips.push(trip);
  }

  decision(record: DecisionRecord): void {
    this.output.decisions.push(record);
  }

  equity(time: number, equity: number): void {
    this.output.equity.times.push(time);
    this.output.equity.values.push(equity);
  }

  activity(activity: CorporateActivity, fillsBooked: number): void {
    this.output.activities.push(activity);
    this.output.activityFills.push(fillsBooked);
  }

  alert(alert: EngineAlert): void {
    this.output.alerts.push(alert);
  }

  /** Hands over what was collected, with the orders that changed, and starts afresh. */
  take(changedOrders: readonly Order[]): EngineOutput {
    const output = this.output;
    output.orders.push(...changedOrders);
    this.output = emptyOutput();
    return output;
  }
}
