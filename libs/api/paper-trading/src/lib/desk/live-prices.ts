import type { MarketQuote } from '@ptp/contracts';
import { MINUTE_MS, type Bar, type LivePrice, type PriceMark } from '@ptp/domain';

interface Seen {
  readonly price: number;
  readonly bid?: number;
  readonly ask?: number;
  /** Market time the price was current. */
  readonly time: number;
  /** Wall-clock time it reached the platform: its age decides whether it may be traded on. */
  readonly receivedAt: number;
  readonly stale: boolean;
}

/**
 * The newest price of each symbol, from completed bars (stamped at the bar's end) and quotes,
 * whichever is newer in market time. It is what open orders are evaluated against.
 */
export class LivePrices {
  private readonly latest = new Map<string, Seen>();

  noteBar(bar: Bar, now: number): void {
    this.offer(bar.symbol, {
      price: bar.close,
      time: bar.time + MINUTE_MS,
      receivedAt: now,
      stale: false,
    });
  }

  noteQuote(quote: MarketQuote, now: number): void {
    this.offer(quote.symbol, {
      price: quote.price,
      bid: quote.bid,
      ask: quote.ask,
      time: quote.asOf,
      receivedAt: now - quote.ageSec * 1000,
      stale: quote.stale,
    });
  }

  forget(symbols: readonly string[]): void {
    for (const symbol of symbols) this.latest.delete(symbol);
  }

  /** Market time of the symbol's newest price. */
  timeOf(symbol: string): number | undefined {
    return this.latest.get(symbol)?.time;
  }

  /** The newest fresh price of every symbol, to value positions with (a stale quote is not a price). */
  marks(): PriceMark[] {
    const fresh = [...this.latest].filter(([, seen]) => !seen.stale);
    return fresh.map(([symbol, seen]) => ({ symbol, price: seen.price, time: seen.time }));
  }

  /** The symbol's newest price unless it is a stale quote. */
  freshPriceOf(symbol: string): number | undefined {
    const seen = this.latest.get(symbol);
    return seen && !seen.stale ? seen.price : undefined;
  }

  priceOf(symbol: string): number | undefined {
    return this.latest.get(symbol)?.price;
  }

  /** The engine's view of the symbol's price now; its age tells the engine whether it is fresh enough to trade. */
  live(symbol: string, now: number): LivePrice | null {
    const seen = this.latest.get(symbol);
    if (!seen) return null;
    return {
      symbol,
      time: seen.time,
      price: seen.price,
      bid: seen.bid,
      ask: seen.ask,
      ageMs: Math.max(0, now - seen.receivedAt),
      stale: seen.stale,
    };
  }

  private offer(symbol: string, seen: Seen): void {
    const known = this.latest.get(symbol);
    if (known && known.time > seen.time) return;
    this.latest.set(symbol, seen);
  }
}
