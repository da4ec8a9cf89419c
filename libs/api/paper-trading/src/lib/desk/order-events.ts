import type { EngineOutput, Order, TradingEngine } from '@ptp/domain';
import type { OrderEvent, OrderEventKind } from './order-updates';

const CLOSING_EVENTS: Partial<Record<Order['status'], OrderEventKind>> = {
  canceled: 'canceled',
  expired: 'expired',
  rejected: 'rejected',
};

export interface OrderEventContext {
  /** Ids of the orders that were working before the change: the others are new. */
  readonly previouslyOpen: ReadonlySet<string>;
  /** Orders canceled because another order replaced them. */
  readonly replaced: ReadonlySet<string>;
  /** Signed shares held per symbol after the change. */
  readonly positionQuantity: (symbol: string) => string;
}

/**
 * The events of one engine output, per changed order: `new` for an order that was not working
 * before (a rejected one only says `rejected`), then one event per fill (`fill` for the fill that
 * completed it, `partial_fill` for one that left it partly filled), then how it closed.
 */
export function orderEvents(output: EngineOutput, context: OrderEventContext): OrderEvent[] {
  const events: OrderEvent[] = [];
  for (const order of output.orders) {
    const fills = output.fills.filter((fill) => fill.orderId === order.id);
    if (!context.previouslyOpen.has(order.id) && order.status !== 'rejected')
      events.push({ event: 'new', orderId: order.id, time: order.createdAt });
    fills.forEach((fill, i) => {
      const completes = i === fills.length - 1 && order.status === 'filled';
      events.push({
        event: completes ? 'fill' : 'partial_fill',
        orderId: order.id,
        time: fill.time,
        fill: {
          id: fill.id,
          price: String(fill.price),
          quantity: String(fill.quantity),
          positionQuantity: context.positionQuantity(order.symbol),
        },
      });
    });
    const closing = context.replaced.has(order.id) ? 'replaced' : CLOSING_EVENTS[order.status];
    if (closing) events.push({ event: closing, orderId: order.id, time: order.updatedAt });
  }
  return events;
}

const workingIds = (engine: TradingEngine) => new Set(engine.orders().map((order) => order.id));

/**
 * The events of what a desk commits. It remembers the orders working as last committed: an order
 * not among them is new to the event stream.
 */
export class CommittedOrderEvents {
  private working: ReadonlySet<string>;

  constructor(engine: TradingEngine) {
    this.working = workingIds(engine);
  }

  /** The events of an output just committed, with the positions the engine now holds. */
  take(output: EngineOutput, engine: TradingEngine, replaced: string | undefined): OrderEvent[] {
    const held = new Map(engine.account().positions.map((p) => [p.symbol, p.quantity.toString()]));
    const events = orderEvents(output, {
      previouslyOpen: this.working,
      replaced: new Set(replaced === undefined ? [] : [replaced]),
      positionQuantity: (symbol) => held.get(symbol) ?? '0',
    });
    this.working = workingIds(engine);
    return events;
  }
}
