import type { OrderSide } from '../orders/order-types';
import type { PriceRange } from './fill-price';

/**
 * The latest trade and/or quote of a symbol as the live service sees it. The engine has no clock,
 * so the caller says how old the price is (`ageMs`, measured by its clock) or flags it `stale`.
 */
export interface LivePrice {
  readonly symbol: string;
  /** When the price was observed (UTC ms): orders created after it cannot fill on it. */
  readonly time: number;
  /** Last trade. */
  readonly price?: number;
  readonly bid?: number;
  readonly ask?: number;
  readonly ageMs?: number;
  readonly stale?: boolean;
  /**
   * Shares traded since the symbol's previous price, when the feed knows it. With a volume cap
   * (execution.maxVolumePct) a price without it fills nothing: orders then fill on bars.
   */
  readonly volume?: number;
}

export type LivePriceRefusal = 'STALE_PRICE' | 'NO_PRICE';

/** Whether a live price may be traded on: never a stale one. */
export function livePriceRefusal(tick: LivePrice, maxAgeMs: number): LivePriceRefusal | null {
  if (tick.stale === true || (tick.ageMs !== undefined && !(tick.ageMs <= maxAgeMs)))
    return 'STALE_PRICE';
  return referencePrice(tick) === null ? 'NO_PRICE' : null;
}

const positive = (v: number | undefined): v is number =>
  v !== undefined && Number.isFinite(v) && v > 0;

/** The last trade, else the quote's mid, else whichever side is quoted. */
export function referencePrice(tick: LivePrice): number | null {
  if (positive(tick.price)) return tick.price;
  if (positive(tick.bid) && positive(tick.ask)) return (tick.bid + tick.ask) / 2;
  return positive(tick.ask) ? tick.ask : positive(tick.bid) ? tick.bid : null;
}

/**
 * A buy trades at the ask and a sell at the bid when quoted, else at the last trade; slippage
 * applies unclamped.
 */
export function liveRange(tick: LivePrice, side: OrderSide): PriceRange {
  const quoted = side === 'buy' ? tick.ask : tick.bid;
  const price = positive(quoted) ? quoted : (referencePrice(tick) as number);
  return { open: price, high: price, low: price, clamp: false };
}
