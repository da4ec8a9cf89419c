import type { Order, OrderSide } from '../orders/order-types';
import { clamp, slip } from './slippage';

/**
 * The prices an order is evaluated against: a bar's open, high and low (clamped: a fill never
 * leaves the bar's range), or one live price (open = high = low, not clamped: slippage applies in
 * full).
 */
export interface PriceRange {
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly clamp: boolean;
}

function finish(
  base: number,
  side: OrderSide,
  range: PriceRange,
  slippageBps: number,
  limit: number | null,
): number {
  let price = slip(base, side, slippageBps);
  if (limit !== null) price = side === 'buy' ? Math.min(price, limit) : Math.max(price, limit);
  return range.clamp ? clamp(price, range.low, range.high) : price;
}

/**
 * touch: a limit fills when the range reaches it; through: only when it trades beyond it (the
 * conservative assumption: at the limit itself the queue ahead may take all there is).
 */
export type LimitRule = 'touch' | 'through';

/**
 * Where a limit order trades in this range, or null: the open when the market gapped through the
 * limit, else the limit.
 */
function limitBase(
  side: OrderSide,
  limit: number,
  range: PriceRange,
  rule: LimitRule,
): number | null {
  if (rule === 'through') {
    if (side === 'buy') return range.open < limit ? range.open : range.low < limit ? limit : null;
    return range.open > limit ? range.open : range.high > limit ? limit : null;
  }
  if (side === 'buy') return range.open <= limit ? range.open : range.low <= limit ? limit : null;
  return range.open >= limit ? range.open : range.high >= limit ? limit : null;
}

/**
 * Where a stop is triggered in this range, or null: the open when the market gapped through the
 * stop, else the stop.
 */
function stopBase(side: OrderSide, stop: number, range: PriceRange): number | null {
  if (side === 'buy') return range.open >= stop ? range.open : range.high >= stop ? stop : null;
  return range.open <= stop ? range.open : range.low <= stop ? stop : null;
}

/** The stop of a trailing order from its anchor (the best price seen since it became active). */
export function trailingStopPrice(order: Order): number | null {
  if (order.type !== 'trailing_stop' || order.trailAnchor === null) return null;
  const sign = order.side === 'sell' ? -1 : 1;
  const distance =
    order.trailAmount === null ? (order.trailAnchor * order.trailPercent) / 100 : order.trailAmount;
  return order.trailAnchor + sign * distance;
}

/**
 * The fill price of `order` in `range` with adverse slippage, or null when it does not execute
 * there. Market orders trade at the open. Limit orders trade at the open when it is already through
 * the limit, else at the limit, and never worse than the limit. Stops trigger at the open on a gap,
 * else at the stop. A stop-limit triggered at the open works as a limit over the whole range;
 * triggered inside the range it fills only if its stop is within its limit (the path after the
 * trigger is unknown), otherwise it keeps working as a limit from the next range on. Trailing stops
 * trigger like a stop at the level set by the anchor before this range; the caller updates the
 * anchor afterwards. Mutates `order.triggered` for stop-limit orders.
 */
export function fillPrice(
  order: Order,
  range: PriceRange,
  slippageBps: number,
  rule: LimitRule = 'touch',
): number | null {
  const { side } = order;
  switch (order.type) {
    case 'market':
      return finish(range.open, side, range, slippageBps, null);
    case 'limit': {
      const base = limitBase(side, order.limitPrice, range, rule);
      return base === null ? null : finish(base, side, range, slippageBps, order.limitPrice);
    }
    case 'stop': {
      const base = stopBase(side, order.stopPrice, range);
      return base === null ? null : finish(base, side, range, slippageBps, null);
    }
    case 'stop_limit':
      return stopLimitPrice(order, range, slippageBps, rule);
    case 'trailing_stop': {
      const stop = trailingStopPrice(order);
      const base = stop === null ? null : stopBase(side, stop, range);
      return base === null ? null : finish(base, side, range, slippageBps, null);
    }
  }
}

function stopLimitPrice(
  order: Order & { readonly type: 'stop_limit' },
  range: PriceRange,
  slippageBps: number,
  rule: LimitRule,
): number | null {
  const { side } = order;
  const limit = order.limitPrice;
  if (!order.triggered) {
    const trigger = stopBase(side, order.stopPrice, range);
    if (trigger === null) return null;
    order.triggered = true;
    if (trigger !== range.open) {
      const strict = rule === 'through';
      const withinLimit =
        side === 'buy'
          ? trigger < limit || (!strict && trigger === limit)
          : trigger > limit || (!strict && trigger === limit);
      return withinLimit ? finish(trigger, side, range, slippageBps, limit) : null;
    }
  }
  const base = limitBase(side, limit, range, rule);
  return base === null ? null : finish(base, side, range, slippageBps, limit);
}

/**
 * Moves a trailing order's anchor to the best price of the range (highest for sells, lowest for
 * buys).
 */
export function updateTrailAnchor(order: Order, range: PriceRange): void {
  if (order.type !== 'trailing_stop') return;
  const best = order.side === 'sell' ? range.high : range.low;
  if (order.trailAnchor === null) order.trailAnchor = best;
  else
    order.trailAnchor =
      order.side === 'sell' ? Math.max(order.trailAnchor, best) : Math.min(order.trailAnchor, best);
}
