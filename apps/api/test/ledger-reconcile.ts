import Decimal from 'decimal.js';

export interface TradeRow {
  symbol: string;
  side: 'buy' | 'sell';
  quantity: string;
  price: string;
  commission: string;
}

/** Cash and quantities the fills add up to, computed here independently of the server (decimal). */
export function reconcile(
  startingCapital: string,
  trades: readonly TradeRow[],
): { cash: Decimal; positions: Record<string, string> } {
  let cash = new Decimal(startingCapital);
  const held = new Map<string, Decimal>();
  for (const t of trades) {
    const gross = new Decimal(t.quantity).times(t.price);
    cash =
      t.side === 'buy'
        ? cash.minus(gross).minus(t.commission)
        : cash.plus(gross).minus(t.commission);
    held.set(
      t.symbol,
      (held.get(t.symbol) ?? new Decimal(0)).plus(
        t.side === 'buy' ? t.quantity : new Decimal(t.quantity).negated(),
      ),
    );
  }
  return {
    cash,
    positions: Object.fromEntries(
      [...held].filter(([, q]) => !q.isZero()).map(([symbol, q]) => [symbol, q.toString()]),
    ),
  };
}

interface PortfolioAnswer {
  readonly startingCapital: string;
  readonly cash: string;
  readonly positions: readonly { symbol: string; quantity: string }[];
}

/** The portfolio's cash and position quantities are exactly what its fills add up to. */
export function expectPortfolioMatchesFills(
  portfolio: PortfolioAnswer,
  trades: readonly TradeRow[],
): void {
  const ledger = reconcile(portfolio.startingCapital, trades);
  expect(portfolio.cash).toBe(ledger.cash.toFixed(2));
  expect(Object.fromEntries(portfolio.positions.map((p) => [p.symbol, p.quantity]))).toEqual(
    ledger.positions,
  );
}
