import type { ChartData } from '@ptp/contracts';

/** How many points per series the browser keeps; older ones fall off the left of the chart. */
export const MAX_POINTS_PER_SERIES = 5000;

function appendNewer<T extends { readonly time: number }>(
  existing: readonly T[],
  incoming: readonly T[],
): readonly T[] {
  const lastTime =
    existing.length > 0 ? existing[existing.length - 1].time : Number.NEGATIVE_INFINITY;
  const fresh = incoming.filter((point) => point.time > lastTime);
  if (fresh.length === 0) return existing;
  const merged = [...existing, ...fresh];
  return merged.length > MAX_POINTS_PER_SERIES
    ? merged.slice(merged.length - MAX_POINTS_PER_SERIES)
    : merged;
}

/** Folds an incremental `since=` answer into what the dashboard already holds; a full answer replaces it. */
export function mergeChartData(current: ChartData | undefined, increment: ChartData): ChartData {
  if (!current || !increment.incremental) return increment;
  const prices: Record<string, ChartData['prices'][string]> = { ...current.prices };
  for (const [symbol, points] of Object.entries(increment.prices))
    prices[symbol] = appendNewer(prices[symbol] ?? [], points);
  const knownFills = new Set(
    current.fills.map((f) => `${f.time}|${f.symbol}|${f.side}|${f.price}|${f.quantity}`),
  );
  const newFills = increment.fills.filter(
    (f) => !knownFills.has(`${f.time}|${f.symbol}|${f.side}|${f.price}|${f.quantity}`),
  );
  return {
    ...current,
    asOf: increment.asOf,
    incremental: true,
    symbols: increment.symbols,
    startingCapital: increment.startingCapital,
    equity: appendNewer(current.equity, increment.equity),
    prices,
    fills: newFills.length === 0 ? current.fills : [...current.fills, ...newFills],
  };
}
