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
  /** Equity points recorded since the last take (the columns may be longer: see take()). */
  private points = 0;

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
    const { times, values } = this.output.equity;
    times[this.points] = time;
    values[this.points++] = equity;
  }

  activity(activity: CorporateActivity, fillsBooked: number): void {
    this.output.activities.push(activity);
    this.output.activityFills.push(fillsBooked);
  }

  alert(alert: EngineAlert): void {
    this.output.alerts.push(alert);
  }

  /**
   * Hands over what was collected, with the orders that changed, and starts afresh. The next equity
   * columns are sized for as many points as these: a backtest takes every 1 % of its bars, and
   * columns grown by pushing were copied and reallocated several times per take.
   */
  take(changedOrders: readonly Order[]): EngineOutput {
    const output = this.output;
    output.orders.push(...changedOrders);
    output.equity.times.length = this.points;
    output.equity.values.length = this.points;
    this.output = emptyOutput(this.points);
    this.points = 0;
    return output;
  }
}
