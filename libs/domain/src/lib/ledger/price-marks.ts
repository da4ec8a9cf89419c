import type { PositionBook } from './ledger-rules';

/** A symbol's last price, a mutable double field. */
interface Mark {
  price: number;
}

/**
 * The last price of each symbol, for valuation. Each price sits in its own object and is updated in
 * place: a number stored in a Map is boxed anew on every set, and marking happens on every bar.
 */
export class PriceMarks {
  private readonly bySymbol = new Map<string, Mark>();

  set(symbol: string, price: number): void {
    const mark = this.bySymbol.get(symbol);
    if (mark) mark.price = price;
    else this.bySymbol.set(symbol, { price });
  }

  get(symbol: string): number | undefined {
    return this.bySymbol.get(symbol)?.price;
  }

  has(symbol: string): boolean {
    return this.bySymbol.has(symbol);
  }

  /**
   * `start` plus every book's shares at its last price (NaN when one has none), in the books'
   * order. Every bar values the books: the Map's values, not its entries, which are a pair each.
   */
  markToMarket(start: number, books: ReadonlyMap<string, PositionBook>): number {
    let value = start;
    for (const book of books.values())
      value += book.quantityNumber * (this.bySymbol.get(book.symbol)?.price as number);
    return value;
  }

  toRecord(): Record<string, number> {
    const record: Record<string, number> = {};
    for (const [symbol, mark] of this.bySymbol) record[symbol] = mark.price;
    return record;
  }
}
