import type { EngineOutput, OrderRequest, SubmitResult, TradingEngine } from '@ptp/domain';
import type { LivePrices } from './live-prices';

/** Gives the engine the board's live prices of `symbols`: its working orders on them may fill. */
export function feedLivePrices(
  engine: TradingEngine,
  prices: LivePrices,
  symbols: Iterable<string>,
): void {
  const now = Date.now();
  for (const symbol of symbols) {
    const price = prices.live(symbol, now);
    if (price) engine.onPrice(price);
  }
}

/**
 * When a manual order enters the engine: at its symbol's newest price, fed first (it is the order's
 * reference, and a price update for the symbol's other orders), or at the market time without one.
 */
export function entryTime(
  engine: TradingEngine,
  prices: LivePrices,
  symbol: string,
  open: boolean,
  marketTime: number,
): number {
  if (open) feedLivePrices(engine, prices, [symbol]);
  return prices.timeOf(symbol) ?? marketTime;
}

/** Submits at `time`; an accepted order's symbol is priced again, so a marketable one fills at once. */
export function submitAt(
  engine: TradingEngine,
  prices: LivePrices,
  request: OrderRequest,
  time: number,
  open: boolean,
): SubmitResult {
  const result = engine.submitOrder(request, time);
  if (result.ok && open) feedLivePrices(engine, prices, [request.symbol]);
  return result;
}

/** The result with its order as committed: the output's last state of it (a market order filled). */
export function asCommitted(result: SubmitResult, output: EngineOutput): SubmitResult {
  const order = result.order && output.orders.find((changed) => changed.id === result.order?.id);
  return order ? { ...result, order } : result;
}
